package dev.beacon.api.errors;

import static dev.beacon.api.errors.FingerprintTest.trace;
import static dev.beacon.api.errors.IssueFixtures.ids;
import static dev.beacon.api.errors.IssueFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.beacon.api.auth.Passwords;
import dev.beacon.api.shared.MachineHash;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An upgrade: a database at V1 (before issues) holding error events, then the server of today
 * started on it. Every old event gets an issue, with the counts it would have had.
 */
class IssueBackfillTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static final String NPE = "java.lang.NullPointerException";

  @Test
  void eventsStoredBeforeIssuesExistedAreGroupedAtStart() throws Exception {
    OffsetDateTime t0 = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    try (TestServer server = TestServer.upgrading("1", c -> {
      exec(c, "insert into developer (open_id, account, account_type, password_hash, role, is_internal, created_at, updated_at)"
          + " values ('legacydev', 'legacy@example.com', 'email', ?, 'developer', false, ?, ?)", Passwords.hash("legacy-password"), t0, t0);
      exec(c, "insert into app (app_id, open_id, name, platform, app_key, secret, status, created_at, updated_at)"
          + " values ('legacyapp', 'legacydev', 'Legacy', 1, 'legacykey', ?, 0, ?, ?)", SECRET, t0, t0);
      // five crashes of the cart bug on two versions and three machines, one other bug, and a family B log of the first
      event(c, "report", NPE, trace("java/npe-cart-1.2.0-jdk17.txt"), "1.2.0", MachineHash.of(SECRET, "pc-1"), t0);
      event(c, "report", NPE, trace("java/npe-cart-1.2.0-jdk17.txt"), "1.2.0", MachineHash.of(SECRET, "pc-2"), t0.plusHours(1));
      event(c, "report", NPE, trace("java/npe-cart-1.3.0-jdk21.txt"), "1.3.0", MachineHash.of(SECRET, "pc-1"), t0.plusDays(2));
      event(c, "report", NPE, trace("java/npe-cart-1.3.0-jdk21.txt"), "1.3.0", MachineHash.of(SECRET, "pc-3"), t0.plusDays(3));
      event(c, "report", "IOException", trace("dotnet/io-save.txt"), "1.3.0", MachineHash.of(SECRET, "pc-3"), t0.plusDays(1));
      exec(c, "insert into error_event (app_id, source, error_type, message, app_version, machine_id, app_package, created_at)"
          + " values ('legacyapp', 'log', ?, ?, '1.3.0', 'Pixel 8', 'com.acme', ?)", NPE, trace("java/npe-cart-1.3.0-jdk21.txt"),
          t0.plusDays(4));
    })) {
      assertEquals(0, TestApps.count(server, "select count(*) from error_event where issue_id is null"), "every event has its issue");
      Api legacy = server.login("legacy@example.com", "legacy-password");
      JsonObject page = list(legacy, "legacyapp", "orderBy=count:desc");
      assertEquals(2, page.getInteger("totalCount"));
      JsonObject cart = page.getJsonArray("issues").getJsonObject(0);
      assertEquals(5, cart.getInteger("count"));
      assertEquals(4, cart.getInteger("machines"), "pc-1, pc-2, pc-3 and the phone");
      assertEquals(List.of("1.2.0", "1.3.0"), cart.getJsonArray("versions").getList());
      assertEquals("com.acme.shop.cart.CartService.lambda$priceOf$", cart.getString("culprit"));
      assertEquals(1, page.getJsonArray("issues").getJsonObject(1).getInteger("count"));
      JsonObject detail = IssueFixtures.detail(legacy, "legacyapp", cart.getString("issueId"));
      assertEquals("log", detail.getJsonObject("latestEvent").getString("source"), "the newest of the old events");
      assertNotNull(detail.getJsonObject("issue").getString("firstSeen"));

      // a new crash of the same bug joins the backfilled issue; a restart has nothing left to do
      String stack = trace("java/npe-cart-1.3.0-jdk21.txt");
      String issueId = IssueFixtures.reported(server, IssueFixtures.report(new TestApps.Created("legacyapp", "legacykey"),
          NPE, "sku", stack, "1.3.0", "pc-9"));
      assertEquals(cart.getString("issueId"), issueId);
      server.restart();
      assertEquals(List.of(issueId), ids(list(server.login("legacy@example.com", "legacy-password"), "legacyapp", "version=1.2.0")));
      assertEquals(6, TestApps.count(server, "select event_count from error_issue where issue_id = ?", issueId));
    }
  }

  private static void event(Connection c, String source, String type, String stack, String version, String machine,
      OffsetDateTime at) throws Exception {
    exec(c, "insert into error_event (app_id, source, error_type, message, stack, os_info, app_version, machine_id, created_at)"
        + " values ('legacyapp', ?, ?, 'sku', ?, 'Windows 11', ?, ?, ?)", source, type, stack, version, machine, at);
  }

  private static void exec(Connection c, String sql, Object... args) throws Exception {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      assertEquals(1, st.executeUpdate());
    }
  }
}

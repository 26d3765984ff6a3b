package dev.beacon.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.core.Dates;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A database written before usage analytics (one row per heartbeat, schema up to V6) is upgraded
 * without losing anything: its heartbeats become machines and machine-days and count in the stats.
 */
class LegacyHeartbeatsMigrationTest {
  @Test
  void heartbeatsStoredBeforeTheUpgradeCount() throws Exception {
    LocalDate d1 = LocalDate.now(Dates.zone()).minusDays(10);
    LocalDate d2 = d1.plusDays(1);
    try (TestServer server = TestServer.upgrading("6", c -> {
      c.createStatement().execute("insert into developer (open_id, account, account_type, password_hash, role, created_at, updated_at) "
          + "values ('someone', 'someone@example.com', 'email', 'x', 'developer', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      c.createStatement().execute("insert into app (app_id, open_id, name, platform, app_key, secret, status, created_at, updated_at) "
          + "values ('legacyapp', 'someone', 'legacy', 1, 'legacykey', 'legacysecret', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      Object[][] beats = {{"h-a", "1.0", d1, 9}, {"h-a", "1.1", d1, 15}, {"h-b", "1.0", d1, 10}, {"h-a", "1.1", d2, 8}, {"h-c", "2.0", d2, 9}};
      try (PreparedStatement st = c.prepareStatement(
          "insert into heartbeat (app_id, machine_hash, app_version, hb_day, received_at) values ('legacyapp', ?, ?, ?, ?)")) {
        for (Object[] b : beats) {
          st.setString(1, (String) b[0]);
          st.setString(2, (String) b[1]);
          st.setObject(3, b[2]);
          Instant at = ((LocalDate) b[2]).atTime((Integer) b[3], 0).atZone(Dates.zone()).toInstant();
          st.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
          st.executeUpdate();
        }
      }
    })) {
      assertEquals(5, TestApps.count(server, "select count(*) from heartbeat"), "the old rows are kept as they were");
      // the app belongs to nobody who can sign in: read it as the admin
      Api admin = server.admin();
      String base = "/v1/user/" + admin.openId + "/app/legacyapp/stats/";
      JsonArray active = admin.get(base + "active?from=" + d1 + "&to=" + d2).json().getJsonArray("series");
      assertEquals(new JsonArray()
          .add(new JsonObject().put("date", d1.toString()).put("dau", 2).put("wau", 2).put("mau", 2).put("newMachines", 2))
          .add(new JsonObject().put("date", d2.toString()).put("dau", 2).put("wau", 3).put("mau", 3).put("newMachines", 1)), active);
      JsonArray versions = admin.get(base + "versions?from=" + d1 + "&to=" + d1).json().getJsonArray("series");
      assertEquals(new JsonArray().add(new JsonObject().put("date", d1.toString()).put("versions", new JsonArray()
          .add(new JsonObject().put("version", "1.0").put("machines", 1))
          .add(new JsonObject().put("version", "1.1").put("machines", 1)))), versions, "h-a's last heartbeat of the day said 1.1");
      assertEquals(3L, admin.get(base + "summary").json().getLong("totalMachines"));

      // a machine first seen after the upgrade is the fourth, with an ordinal of its own
      assertEquals(200, server.anonymous().post("/api/v1/user/heartbeat",
          new JsonObject().put("app_key", "legacykey").put("machine_id", "h-d").put("version", "2.0")).status());
      assertEquals(4L, admin.get(base + "summary").json().getLong("totalMachines"));
      Map<String, Integer> machines = TestApps.machines(server, "legacyapp");
      assertEquals(4, new java.util.HashSet<>(machines.values()).size(), machines::toString);
      assertEquals(3, machines.values().stream().mapToInt(Integer::intValue).max().orElse(-1), machines::toString);

      // carried over once at start: the rows of the older layout are gone, the figures stay after another start
      assertEquals(0L, TestApps.count(server, "select count(*) from tel_machine"));
      assertEquals(0L, TestApps.count(server, "select count(*) from tel_machine_day"));
      server.restart();
      Api again = server.admin();
      assertEquals(active, again.get(base + "active?from=" + d1 + "&to=" + d2).json().getJsonArray("series"));
      assertEquals(4L, again.get(base + "summary").json().getLong("totalMachines"));
      assertEquals(machines, TestApps.machines(server, "legacyapp"));
    }
  }
}

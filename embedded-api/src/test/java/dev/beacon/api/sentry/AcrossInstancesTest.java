package dev.beacon.api.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.beacon.api.sentry.SentryFixtures.DsnApp;
import dev.beacon.api.sentry.SentryFixtures.Item;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Two servers on one PostgreSQL database, as behind a load balancer: what one of them changes
 * takes effect on the other within about a second, although the other keeps the app's keys in
 * memory: an app frozen, a DSN rotated, a token logged out; and still once the connection a server
 * listens on was cut. Each step polls (up to 10 s) for the other server's answer to change;
 * nothing asserts how long it took.
 */
@EnabledIf(value = "dev.beacon.api.support.TestDatabase#postgres",
    disabledReason = "several instances share a PostgreSQL database (the CI PostgreSQL run runs this); on H2 one process serves it")
class AcrossInstancesTest {
  private static final String HEARTBEAT = "/api/v1/user/heartbeat";
  private static TestServer a;
  private static TestServer b;
  private static Api dev;

  @BeforeAll
  static void start() throws Exception {
    a = TestServer.start();
    b = a.alongside();
    dev = a.newDeveloper();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      b.close();
    } finally {
      a.close();
    }
  }

  @Test
  void anAppFrozenOnOneIsRefusedByTheOtherThatKnewItsKeys() throws Exception {
    DsnApp app = SentryFixtures.create(dev);
    assertEquals(200, heartbeat(b, app), "B answers the app's heartbeats (and keeps its key in memory)");
    assertEquals(200, report(b, app, app.auth()), "and its Sentry reports");

    assertEquals(200, a.admin().post("/v1/admin/app/" + app.appId() + "/action", new JsonObject().putNull("freeze")).status());
    poll("B refuses the frozen app's heartbeats", () -> heartbeat(b, app) == 403);
    poll("and its Sentry reports", () -> report(b, app, app.auth()) == 403);

    assertEquals(200, a.admin().post("/v1/admin/app/" + app.appId() + "/action", new JsonObject().putNull("unfreeze")).status());
    poll("B takes them again once unfrozen on A", () -> heartbeat(b, app) == 200 && report(b, app, app.auth()) == 200);
  }

  @Test
  void aDsnRotatedOnOneIsRefusedByTheOtherAndTheNewOneTaken() {
    DsnApp app = SentryFixtures.create(dev);
    assertEquals(200, report(b, app, app.auth()));
    Resp rotated = dev.post("/v1/user/" + dev.openId + "/app/" + app.appId() + "/dsn/rotate", new JsonObject());
    assertEquals(200, rotated.status(), rotated::toString);
    DsnApp after = SentryFixtures.of(rotated.json().getJsonObject("app"));
    poll("B refuses the old DSN key", () -> report(b, app, app.auth()) == 401);
    assertEquals(200, report(b, after, after.auth()), "B takes the new one");
  }

  @Test
  void aTokenLoggedOutOnOneIsRefusedByTheOther() {
    Api onA = a.newDeveloper();
    Api onB = new Api(b.base(), onA.openId, onA.token);
    String apps = "/v1/user/" + onA.openId + "/app";
    assertEquals(1000, onB.get(apps).code(), "the token signed in on A works on B");
    assertEquals(1000, onA.post("/v1/auth/logout", new JsonObject()).code());
    poll("B refuses the token logged out on A", () -> onB.get(apps).status() == 401);
  }

  @Test
  void changesStillReachTheOtherAfterItsListeningConnectionWasCut() throws Exception {
    DsnApp app = SentryFixtures.create(dev);
    Set<Integer> before = listeners();
    assertEquals(2, before.size(), "each server listens on a connection of its own: " + before);
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
          + " WHERE application_name = 'Beacon (cluster bus)' AND datname = current_database()");
    }
    poll("both listen again, on new connections", () -> {
      Set<Integer> now = listeners();
      return now.size() == 2 && now.stream().noneMatch(before::contains);
    });
    assertEquals(200, heartbeat(b, app));
    assertEquals(200, a.admin().post("/v1/admin/app/" + app.appId() + "/action", new JsonObject().putNull("freeze")).status());
    poll("B refuses the app frozen on A", () -> heartbeat(b, app) == 403);
  }

  private static int heartbeat(TestServer server, DsnApp app) {
    return server.anonymous().post(HEARTBEAT, new JsonObject().put("app_key", app.appKey())
        .put("machine_id", "machine-1").put("version", "1.0.0")).status();
  }

  /** Sends a client report (checked against the key alone, so a stale cached key would pass). */
  private static int report(TestServer server, DsnApp app, String auth) {
    byte[] body = SentryFixtures.envelope(new JsonObject(),
        Item.of("client_report", new JsonObject().put("discarded_events", new JsonArray()), false));
    return SentryFixtures.post(server.anonymous(), app.envelopePath(), body, auth, null).status();
  }

  private static Set<Integer> listeners() {
    Set<Integer> pids = new HashSet<>();
    try (Connection c = connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity"
            + " WHERE application_name = 'Beacon (cluster bus)' AND datname = current_database()")) {
      while (rs.next()) {
        pids.add(rs.getInt(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return pids;
  }

  private static Connection connect() throws java.sql.SQLException {
    var config = a.server().config();
    return DriverManager.getConnection(config.dbUrl(), config.dbUser(), config.dbPassword());
  }

  /** Polls {@code done} every 20 ms, up to 10 s. */
  private static void poll(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within 10 s: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(e);
      }
    }
    assertTrue(done.getAsBoolean(), what);
  }
}

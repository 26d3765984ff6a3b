package dev.beacon.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.core.Dates;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat log: what a crash between a commit and the fold leaves in it is folded when the
 * server starts, and heartbeats of an app deleted before their fold are dropped without holding
 * up the others.
 */
class HeartbeatLogTest {
  @Test
  void heartbeatsLeftInTheLogAreFoldedAtStartAndThoseOfADeletedAppDropped() throws Exception {
    try (TestServer server = TestServer.start()) {
      Api dev = server.newDeveloper();
      TestApps.Created app = TestApps.create(dev);
      String secret = TestApps.secret(server, app.appId());
      LocalDate today = LocalDate.now(Dates.zone());
      Object[][] logged = {
        {app.appId(), MachineHash.of(secret, "left-1"), "2.0"},
        {"deletedapp0000000000000000000000", "ab".repeat(32), "1.0"},
        {app.appId(), MachineHash.of(secret, "left-2"), "2.1"},
        {app.appId(), MachineHash.of(secret, "left-1"), "2.1"},
      };
      // logged and committed, not folded yet: as a kill -9 right after the answers leaves them
      log(server, today, java.util.Arrays.asList(logged));

      server.restart();
      assertEquals(0L, TestApps.count(server, "select count(*) from tel_beat"), "folded at start, the deleted app's one dropped");
      assertEquals(2L, TestApps.count(server, "select count(*) from tel_machine_day where app_id = ?", app.appId()));

      Api again = new Api(server.base(), dev.openId, dev.token);
      String base = "/v1/user/" + again.openId + "/app/" + app.appId() + "/stats/";
      JsonObject summary = again.get(base + "summary").json();
      assertEquals(2L, summary.getLong("totalMachines"), summary::encode);
      assertEquals(2L, summary.getLong("dau"), summary::encode);
      JsonArray versions = again.get(base + "versions?from=" + today + "&to=" + today).json()
          .getJsonArray("series").getJsonObject(0).getJsonArray("versions");
      assertEquals(new JsonArray().add(new JsonObject().put("version", "2.1").put("machines", 2)), versions,
          "left-1's later heartbeat said 2.1");
    }
  }

  /** A fold goes on past a transaction that dropped some heartbeats: the whole log is folded. */
  @Test
  void aFoldOfMoreThanOneTransactionGoesPastDroppedHeartbeats() throws Exception {
    try (TestServer server = TestServer.start()) {
      Api dev = server.newDeveloper();
      TestApps.Created app = TestApps.create(dev);
      String secret = TestApps.secret(server, app.appId());
      LocalDate today = LocalDate.now(Dates.zone());
      int machines = UsageFold.CHUNK + 1;
      List<Object[]> logged = new ArrayList<>();
      logged.add(new Object[] {"deletedapp0000000000000000000000", "cd".repeat(32), "1.0"});
      for (int m = 0; m < machines; m++) {
        logged.add(new Object[] {app.appId(), MachineHash.of(secret, "many-" + m), "3.0"});
      }
      log(server, today, logged);

      server.restart();
      assertEquals(0L, TestApps.count(server, "select count(*) from tel_beat"), "the whole log is folded");
      Api again = new Api(server.base(), dev.openId, dev.token);
      JsonObject summary = again.get("/v1/user/" + again.openId + "/app/" + app.appId() + "/stats/summary").json();
      assertEquals(machines, summary.getLong("totalMachines"), summary::encode);
    }
  }

  /** Appends heartbeats {app id, machine hash, version} of {@code day} to the log, a second apart, as the ingest would. */
  private static void log(TestServer server, LocalDate day, List<Object[]> rows) throws Exception {
    try (Connection c = server.server().db().dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
        "insert into tel_beat (app_id, machine_hash, app_version, usage_day, received_at) values (?, ?, ?, ?, ?)")) {
      Instant at = Instant.now().minusSeconds(rows.size() + 60L);
      for (Object[] row : rows) {
        st.setString(1, (String) row[0]);
        st.setString(2, (String) row[1]);
        st.setString(3, (String) row[2]);
        st.setObject(4, day);
        st.setObject(5, OffsetDateTime.ofInstant(at = at.plusSeconds(1), ZoneOffset.UTC));
        st.addBatch();
      }
      st.executeBatch();
    }
  }
}

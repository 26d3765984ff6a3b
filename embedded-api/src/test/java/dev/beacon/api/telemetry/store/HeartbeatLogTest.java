package dev.beacon.api.telemetry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.core.Dates;
import dev.beacon.api.shared.MachineHash;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.shared.MachineHash;
import dev.beacon.api.telemetry.TelemetryFeature;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat log: what a crash leaves in it after the last snapshot is replayed when the server
 * starts (machines get the ordinals they had, nothing counts twice), a write cut short at its end
 * is cut off, heartbeats of an app deleted meanwhile are dropped, and an older version's log in
 * the database is read in once.
 */
class HeartbeatLogTest {
  @Test
  void entriesAfterTheLastSnapshotAreReplayedAtStartAndATornEndIsCutOff() throws Exception {
    try (TestServer server = TestServer.start()) {
      Api dev = server.newDeveloper();
      TestApps.Created app = TestApps.create(dev);
      String secret = TestApps.secret(server, app.appId());
      for (String m : List.of("a", "b")) {
        assertEquals(200, server.anonymous().post("/api/v1/user/heartbeat",
            new JsonObject().put("app_key", app.appKey()).put("machine_id", m).put("version", "1.0")).status());
      }
      TestApps.fold(server, app.appId());
      long snapshot = TestApps.count(server, "select snapshot_seq from tel_snapshot");
      Path dir = server.dataDir().resolve(TelemetryFeature.LOG_FOLDER);
      LocalDate today = LocalDate.now(Dates.zone());
      Instant at = Instant.now(); // after a's and b's heartbeats: b's replayed one is its latest
      // c saved ahead of a snapshot that the crash then cut short (machines are saved after each fold)
      try (Connection c = server.server().db().dataSource().getConnection()) {
        MachineBlocks.insert(c, app.appId(), List.of(new NewMachine(MachineHash.of(secret, "c"), 2, today)));
      }

      server.restart(() -> {
        // as a kill -9 leaves it: two entries acknowledged after the snapshot, then half of a third
        try (BeatLog log = BeatLog.open(dir, snapshot).log()) {
          log.append(List.of(beat(app.appId(), MachineHash.of(secret, "c"), "2.0", today, at),
              beat(app.appId(), MachineHash.of(secret, "b"), "2.0", today, at.plusSeconds(1))));
          log.append(List.of(beat(app.appId(), MachineHash.of(secret, "d"), "2.0", today, at.plusSeconds(2)),
              beat("deletedapp0000000000000000000000", "ab".repeat(32), "1.0", today, at.plusSeconds(2))));
        }
        Path last = newest(dir);
        byte[] entry = BeatLog.encode(snapshot + 3, List.of(beat(app.appId(), MachineHash.of(secret, "torn"), "2.0", today, at)));
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
          ch.write(ByteBuffer.allocate(8 + entry.length / 2).putInt(entry.length).putInt(0).put(entry, 0, entry.length / 2).flip());
        }
      });

      Api again = new Api(server.base(), dev.openId, dev.token);
      String base = "/v1/user/" + again.openId + "/app/" + app.appId() + "/stats/";
      JsonObject summary = again.get(base + "summary").json();
      assertEquals(4L, summary.getLong("totalMachines"), summary::encode);
      assertEquals(4L, summary.getLong("dau"), "a, b before the snapshot, c and d replayed, the torn one not: " + summary.encode());
      JsonArray versions = again.get(base + "versions?from=" + today + "&to=" + today).json()
          .getJsonArray("series").getJsonObject(0).getJsonArray("versions");
      assertEquals(new JsonArray().add(new JsonObject().put("version", "2.0").put("machines", 3))
          .add(new JsonObject().put("version", "1.0").put("machines", 1)), versions, "b's replayed heartbeat said 2.0");
      assertEquals(List.of(0L, 1L, 2L, 3L), ordinals(server, secret, app.appId(), "a", "b", "c", "d"),
          "machines keep their ordinals, and new ones are numbered in the order they were first heard");
      JsonObject day = again.get(base + "active?from=" + today + "&to=" + today).json().getJsonArray("series").getJsonObject(0);
      assertEquals(4L, day.getLong("newMachines"), "c, saved ahead but not in the snapshot, still counts as new: " + day.encode());
      assertEquals(4L, TestApps.durable(server, app.appId()), "the start-up snapshot holds the four, the log nothing more");
      assertTrue(BeatLog.readAll(dir).isEmpty(), "the replayed files are deleted once a snapshot holds them");

      // and the log goes on: a heartbeat after the restart counts
      assertEquals(200, again.post("/api/v1/user/heartbeat",
          new JsonObject().put("app_key", app.appKey()).put("machine_id", "e").put("version", "2.0")).status());
      assertEquals(5L, again.get(base + "summary").json().getLong("dau"));
    }
  }

  @Test
  void heartbeatsAnOlderVersionLeftInItsLogAreReadInAtStartAndThoseOfADeletedAppDropped() throws Exception {
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
      // logged by the previous layout (V8) and not folded yet, as a kill -9 right after the answers left them
      legacyLog(server, today, java.util.Arrays.asList(logged));

      server.restart();
      assertEquals(0L, TestApps.count(server, "select count(*) from tel_beat"), "read in at start, the deleted app's one dropped");
      assertEquals(2, TestApps.machineDays(server, app.appId()).size());

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

  private static HashedBeat beat(String appId, String hash, String version, LocalDate day, Instant at) {
    return new HashedBeat(appId, hash, version, day, at);
  }

  private static Path newest(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".log")).max(Path::compareTo).orElseThrow();
    }
  }

  private static List<Long> ordinals(TestServer server, String secret, String appId, String... machines) throws Exception {
    Map<String, Integer> saved = TestApps.machines(server, appId);
    List<Long> out = new ArrayList<>();
    for (String m : machines) {
      Integer ordinal = saved.get(MachineHash.of(secret, m));
      out.add(ordinal == null ? null : ordinal.longValue());
    }
    return out;
  }

  /** Adds heartbeats {app id, machine hash, version} of {@code day} to the V8 log table, a second apart. */
  private static void legacyLog(TestServer server, LocalDate day, List<Object[]> rows) throws Exception {
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

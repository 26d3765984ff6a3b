package dev.beacon.api.telemetry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.apps.AppDirectory;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Jdbc;
import dev.beacon.api.shared.MachineHash;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The shared heartbeat log at the engine's level: two engines on one PostgreSQL database, one of
 * which falls behind entries that a snapshot holds and that were deleted (as the snapshot's writer
 * deletes them once a few minutes old): it reads the snapshot back and folds on, and holds the same
 * machines, with the same ordinals, versions and times, as the other.
 */
@EnabledIf(value = "dev.beacon.api.support.TestDatabase#postgres",
    disabledReason = "the shared heartbeat log is PostgreSQL's (the CI PostgreSQL run runs it); H2 keeps its log in files")
class SharedLogTest {
  @Test
  void aFoldBehindDeletedEntriesReadsTheSnapshotBackAndHoldsTheSame() throws Exception {
    try (TestServer server = TestServer.start()) {
      String appId = TestApps.create(server.newDeveloper()).appId();
      Db db = server.server().db();
      AtomicBoolean writes = new AtomicBoolean();
      UsageFold ahead = UsageFold.shared(db, new DayBitmaps(1 << 20), AppDirectory.of(db), writes::get);
      UsageFold behind = UsageFold.shared(db, new DayBitmaps(1 << 20), AppDirectory.of(db), () -> false);
      ahead.start();
      behind.start();

      ahead.append(beats(appId, 0, 100, "1.0.0"));
      behind.now();
      ahead.append(beats(appId, 50, 200, "1.0.1"));
      writes.set(true);
      ahead.snapshot();
      writes.set(false);
      int deleted = db.inJdbcTx(c -> Jdbc.update(c, "DELETE FROM tel_log_entry WHERE seq <= (SELECT snapshot_seq FROM tel_snapshot WHERE id = 1)"));
      assertTrue(deleted >= 2, "the entries the snapshot holds are gone: " + deleted);
      ahead.append(beats(appId, 150, 250, "1.0.2"));

      List<StoreProbe.MachineDay> expected = StoreProbe.openMachineDays(ahead, appId);
      assertEquals(250, expected.size());
      List<StoreProbe.MachineDay> got = StoreProbe.openMachineDays(behind, appId);
      assertEquals(250, got.size(), "the machine-days of the engine that missed an entry");
      assertTrue(new HashSet<>(expected).equals(new HashSet<>(got)),
          "the engine that missed an entry holds the same machines (ordinals, versions, times) as the other");
    }
  }

  /** One heartbeat for each machine {@code from..to-1} today, hashed as the ingest logs them. */
  private static List<HashedBeat> beats(String appId, int from, int to, String version) {
    Instant at = Instant.now();
    List<HashedBeat> out = new ArrayList<>();
    for (int m = from; m < to; m++) {
      out.add(new HashedBeat(appId, MachineHash.of("a secret", "machine-" + m), version, LocalDate.ofInstant(at, ZoneOffset.UTC),
          at.plusMillis(m)));
    }
    return out;
  }
}

package dev.beacon.api.telemetry;

import dev.beacon.api.core.Db;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * The storage code of heartbeats for bulk work outside a running server (the analytics benchmark
 * loads months of history with it): the same writes as the ingest, one transaction per call, and
 * the same closing of old days. Blocking.
 */
public final class UsageLoad {
  private final Db db;

  public UsageLoad(Db db) {
    this.db = db;
  }

  /**
   * Stores one heartbeat per machine at {@code at}, {@code versions.get(i)} for machine i, as the
   * ingest does; answers each machine's ordinal (its bit in the day bitmaps).
   */
  public int[] heartbeats(String appKey, List<String> machineIds, List<String> versions, Instant at) throws SQLException {
    List<UsageStore.Beat> beats = new ArrayList<>(machineIds.size());
    for (int i = 0; i < machineIds.size(); i++) {
      beats.add(new UsageStore.Beat(appKey, machineIds.get(i), versions.get(i), at));
    }
    UsageStore.Written w = db.inJdbcTx(c -> UsageStore.store(c, beats));
    if (w.outcomes().stream().anyMatch(o -> o.failure() != null)) {
      throw w.outcomes().stream().filter(o -> o.failure() != null).findFirst().orElseThrow().failure();
    }
    return w.ordinals();
  }

  /**
   * Adds machines (by ordinal) and their versions to a past day as closing the day writes them:
   * the day's bitmap and its counts per version. For history older than the open days, instead of
   * replaying every heartbeat through the rows that closing folds away. Returns nothing; the day's
   * new-machine count comes from {@link #heartbeats} (every machine's first heartbeat goes there).
   */
  public void closedDay(String appId, LocalDate day, RoaringBitmap machines, Map<String, Integer> versions) throws SQLException {
    db.inJdbcTx(c -> {
      RoaringBitmap all = RoaringBitmap.or(DayBitmaps.load(c, new UsageStore.DayKey(appId, day)), machines);
      DayCompactor.writeDay(c, appId, day, all);
      DayCompactor.addVersions(c, appId, day, versions);
      return null;
    });
  }

  /** Closes the days old enough at {@code now}, as the server does every hour; the days closed. */
  public int closeDays(Instant now) throws SQLException {
    return new DayCompactor(db).run(now);
  }
}

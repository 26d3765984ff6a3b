package dev.beacon.api.telemetry;

import dev.beacon.api.core.Db;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;

/**
 * Bulk loading through a running server's own usage storage (the analytics benchmark loads
 * months of history with it; {@code TelemetryFeature.load()}): heartbeats go through the same
 * checks, log and fold as the ingest's, old days close as the hourly job closes them. Blocking.
 */
public final class UsageLoad {
  private final Db db;
  private final UsageFold fold;
  private final DayBitmaps bitmaps;

  UsageLoad(Db db, UsageFold fold, DayBitmaps bitmaps) {
    this.db = db;
    this.fold = fold;
    this.bitmaps = bitmaps;
  }

  /**
   * Stores one heartbeat per machine at {@code at}, {@code versions.get(i)} for machine i, as the
   * ingest does; answers each machine's ordinal (its bit in the day bitmaps).
   */
  public int[] heartbeats(String appKey, List<String> machineIds, List<String> versions, Instant at) throws SQLException, IOException {
    List<UsageStore.Beat> beats = new ArrayList<>(machineIds.size());
    for (int i = 0; i < machineIds.size(); i++) {
      beats.add(new UsageStore.Beat(appKey, machineIds.get(i), versions.get(i), at));
    }
    UsageStore.Resolved r = UsageStore.resolve(db.inJdbcTx(c -> UsageStore.apps(c, UsageStore.keys(beats))), beats);
    if (r.outcomes().stream().anyMatch(o -> o.failure() != null)) {
      throw r.outcomes().stream().filter(o -> o.failure() != null).findFirst().orElseThrow().failure();
    }
    List<UsageStore.Hashed> accepted = r.accepted().stream().filter(Objects::nonNull).toList();
    fold.append(accepted);
    fold.now();
    int[] ordinals = new int[accepted.size()];
    for (int i = 0; i < ordinals.length; i++) {
      ordinals[i] = fold.ordinal(accepted.get(i).appId(), accepted.get(i).hash());
    }
    return ordinals;
  }

  /**
   * Adds machines (by ordinal) and their versions to a past day as closing the day writes them:
   * the day's bitmap and its counts per version. For history older than the open days, instead of
   * replaying every heartbeat. The day's new-machine count comes from {@link #heartbeats} (every
   * machine's first heartbeat goes there).
   */
  public void closedDay(String appId, LocalDate day, RoaringBitmap machines, Map<String, Integer> versions) throws SQLException {
    db.inJdbcTx(c -> {
      ClosedDays.addMachines(c, appId, day, machines);
      ClosedDays.addVersions(c, appId, day, versions);
      return null;
    });
    bitmaps.invalidate(new UsageStore.DayKey(appId, day));
  }

  /** Closes the days old enough at {@code now}, as the server does every hour; the days closed. */
  public int closeDays(Instant now) throws SQLException {
    return fold.closeDays(now);
  }
}

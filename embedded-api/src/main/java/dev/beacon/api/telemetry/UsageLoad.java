package dev.beacon.api.telemetry;

import dev.beacon.api.apps.AppDirectory;
import dev.beacon.api.core.Db;
import dev.beacon.api.telemetry.ingest.Beat;
import dev.beacon.api.telemetry.ingest.KeyCheck;
import dev.beacon.api.telemetry.store.ClosedDays;
import dev.beacon.api.telemetry.store.DayBitmaps;
import dev.beacon.api.telemetry.store.DayKey;
import dev.beacon.api.telemetry.store.HashedBeat;
import dev.beacon.api.telemetry.store.UsageFold;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * Bulk loading through a running server's own usage storage (the analytics benchmark loads
 * months of history with it; {@code TelemetryFeature.load()}): heartbeats go through the same
 * checks, log and fold as the ingest's, old days close as the hourly job closes them. Blocking.
 */
public final class UsageLoad {
  private final Db db;
  private final AppDirectory apps;
  private final UsageFold fold;
  private final DayBitmaps bitmaps;

  UsageLoad(Db db, AppDirectory apps, UsageFold fold, DayBitmaps bitmaps) {
    this.db = db;
    this.apps = apps;
    this.fold = fold;
    this.bitmaps = bitmaps;
  }

  /**
   * Stores one heartbeat per machine at {@code at}, {@code versions.get(i)} for machine i, as the
   * ingest does; answers each machine's ordinal (its bit in the day bitmaps).
   */
  public int[] heartbeats(String appKey, List<String> machineIds, List<String> versions, Instant at) throws SQLException, IOException {
    List<Beat> beats = new ArrayList<>(machineIds.size());
    for (int i = 0; i < machineIds.size(); i++) {
      beats.add(new Beat(appKey, machineIds.get(i), versions.get(i), at));
    }
    KeyCheck.Checked r = KeyCheck.check(db.inJdbcTx(c -> apps.byKeys(c, KeyCheck.keys(beats))), beats);
    if (r.outcomes().stream().anyMatch(o -> o.failure() != null)) {
      throw r.outcomes().stream().filter(o -> o.failure() != null).findFirst().orElseThrow().failure();
    }
    List<HashedBeat> accepted = r.accepted();
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
    bitmaps.invalidate(new DayKey(appId, day));
  }

  /** Closes the days old enough at {@code now}, as the server does every hour; the days closed. */
  public int closeDays(Instant now) throws SQLException {
    return fold.closeDays(now);
  }
}

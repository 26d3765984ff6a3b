package dev.beacon.api.telemetry;

import dev.beacon.api.core.Db;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

  /** Stores one heartbeat per machine at {@code at}, {@code versions.get(i)} for machine i. */
  public void heartbeats(String appKey, List<String> machineIds, List<String> versions, Instant at) throws SQLException {
    List<UsageStore.Beat> beats = new ArrayList<>(machineIds.size());
    for (int i = 0; i < machineIds.size(); i++) {
      beats.add(new UsageStore.Beat(appKey, machineIds.get(i), versions.get(i), at));
    }
    UsageStore.Written w = db.inJdbcTx(c -> UsageStore.store(c, beats));
    if (w.outcomes().stream().anyMatch(o -> o.failure() != null)) {
      throw w.outcomes().stream().filter(o -> o.failure() != null).findFirst().orElseThrow().failure();
    }
  }

  /** Closes the days old enough at {@code now}, as the server does every hour; the days closed. */
  public int closeDays(Instant now) throws SQLException {
    return new DayCompactor(db).run(now);
  }
}

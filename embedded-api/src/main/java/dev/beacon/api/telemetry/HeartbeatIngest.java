package dev.beacon.api.telemetry;

import dev.beacon.api.core.Db;
import dev.beacon.api.core.GroupCommit;
import io.vertx.core.Future;
import java.sql.SQLException;

/**
 * Heartbeats with group commit ({@link GroupCommit}): the heartbeats that arrive while a
 * transaction runs go together into the next one, up to {@value #MAX_BATCH}; each request is
 * answered once its heartbeat is committed. At most {@code capacity} wait: beyond that the client
 * gets 429 with {@code Retry-After}. After each commit the cached day bitmaps learn the new active
 * machines.
 */
final class HeartbeatIngest {
  static final int MAX_BATCH = 512;

  private final GroupCommit<UsageStore.Beat, Boolean> commits;

  HeartbeatIngest(Db db, DayBitmaps bitmaps, int capacity) {
    this.commits = new GroupCommit<>(db, MAX_BATCH, capacity, "heartbeats", batch -> {
      UsageStore.Written written;
      try {
        written = db.inJdbcTx(c -> UsageStore.store(c, batch));
      } catch (SQLException e) {
        throw new IllegalStateException("cannot store " + batch.size() + " heartbeats: " + e.getMessage(), e);
      }
      written.active().forEach(bitmaps::added);
      return written.outcomes();
    });
  }

  /** Queues a heartbeat; the future completes once it is committed (or fails with 401/403/429). */
  Future<Boolean> add(UsageStore.Beat beat) {
    return commits.add(beat);
  }
}

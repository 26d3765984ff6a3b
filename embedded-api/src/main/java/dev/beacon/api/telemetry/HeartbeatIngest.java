package dev.beacon.api.telemetry;

import dev.beacon.api.core.Db;
import dev.beacon.api.core.GroupCommit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Heartbeats with group commit ({@link GroupCommit}): the heartbeats that arrive while a
 * transaction runs go together into the next one, up to {@value #MAX_BATCH}; each request is
 * answered once its heartbeat is written to the heartbeat log ({@link BeatLog}, one entry per
 * batch), which the fold ({@link UsageFold}) applies to the open days in memory soon after. At most
 * {@code capacity} wait: beyond that the client gets 429 with {@code Retry-After}.
 */
final class HeartbeatIngest {
  static final int MAX_BATCH = 512;

  private final GroupCommit<UsageStore.Beat, Boolean> commits;

  HeartbeatIngest(Vertx vertx, Db db, UsageFold fold, AppKeys appKeys, int capacity) {
    this.commits = new GroupCommit<>(db, MAX_BATCH, capacity, "heartbeats", batch -> {
      try {
        var apps = appKeys.get(UsageStore.keys(batch), keys -> db.inJdbcTx(c -> UsageStore.apps(c, keys)));
        UsageStore.Resolved resolved = UsageStore.resolve(apps, batch);
        fold.append(resolved.accepted().stream().filter(Objects::nonNull).toList());
        fold.soon(vertx);
        return resolved.outcomes();
      } catch (SQLException | IOException e) {
        throw new IllegalStateException("cannot store " + batch.size() + " heartbeats: " + e.getMessage(), e);
      }
    });
  }

  /** Queues a heartbeat; the future completes once it is committed (or fails with 401/403/429). */
  Future<Boolean> add(UsageStore.Beat beat) {
    return commits.add(beat);
  }
}

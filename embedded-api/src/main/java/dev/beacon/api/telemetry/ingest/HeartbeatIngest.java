package dev.beacon.api.telemetry.ingest;

import dev.beacon.api.apps.AppDirectory;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.GroupCommit;
import dev.beacon.api.telemetry.store.UsageFold;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.sql.SQLException;

/**
 * Heartbeats with group commit ({@link GroupCommit}): the heartbeats that arrive while a
 * transaction runs go together into the next one, up to {@value #MAX_BATCH}; their keys are checked
 * ({@link AppKeys}, {@link KeyCheck}) and each request is answered once its heartbeat is written to
 * the heartbeat log ({@link UsageFold#append}, one entry per batch), which the fold applies to the
 * open days in memory soon after. At most {@code capacity} wait: beyond that the client gets 429
 * with {@code Retry-After}.
 */
public final class HeartbeatIngest implements AutoCloseable {
  static final int MAX_BATCH = UsageFold.MAX_BEATS;

  private final AppKeys appKeys;
  private final GroupCommit<Beat, Boolean> commits;

  public HeartbeatIngest(Vertx vertx, Db db, AppDirectory apps, UsageFold fold, int capacity) {
    this.appKeys = new AppKeys(db, apps);
    this.commits = new GroupCommit<>(db, MAX_BATCH, capacity, "heartbeats", batch -> {
      try {
        KeyCheck.Checked checked = KeyCheck.check(appKeys.get(KeyCheck.keys(batch)), batch);
        fold.append(checked.accepted());
        fold.soon(vertx);
        return checked.outcomes();
      } catch (SQLException | IOException e) {
        throw new IllegalStateException("cannot store " + batch.size() + " heartbeats: " + e.getMessage(), e);
      }
    });
  }

  /** Queues a heartbeat; the future completes once it is committed (or fails with 401/403/429). */
  public Future<Boolean> add(Beat beat) {
    return commits.add(beat);
  }

  /** Stops listening to changes of apps (the server is stopping). */
  @Override
  public void close() {
    appKeys.close();
  }
}

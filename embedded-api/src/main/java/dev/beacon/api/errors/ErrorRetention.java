package dev.beacon.api.errors;

import dev.beacon.api.core.ServerContext;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes raw error events older than {@link dev.beacon.api.core.Config#errorRetention()}: a Vert.x
 * timer every {@link dev.beacon.api.core.Config#errorRetentionSweep()} (the first within a minute
 * of start) runs the delete on the db worker, {@value #BATCH} rows per transaction. Issues and
 * their counts are separate rows and stay as they are. A retention of zero keeps events forever.
 */
final class ErrorRetention {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorRetention.class);
  static final int BATCH = 5000;
  private static final String DELETE = "DELETE FROM error_event WHERE id IN "
      + "(SELECT id FROM error_event WHERE created_at < ? ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY)";

  private final ServerContext sc;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean stopped;
  private long timer = -1;

  ErrorRetention(ServerContext sc) {
    this.sc = sc;
  }

  void start() {
    Duration keep = sc.config().errorRetention();
    if (keep.isZero()) {
      return;
    }
    long every = sc.config().errorRetentionSweep().toMillis();
    timer = sc.vertx().setPeriodic(Math.min(every, 60_000), every, id -> sweep());
  }

  void stop() {
    stopped = true;
    if (timer >= 0) {
      sc.vertx().cancelTimer(timer);
    }
  }

  /** Deletes the events older than the retention; skipped while the previous sweep still runs. */
  Future<Integer> sweep() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture(0);
    }
    Instant cutoff = sc.now().minus(sc.config().errorRetention());
    return sc.db().blocking(() -> prune(cutoff)).onComplete(ar -> {
      running.set(false);
      if (ar.failed() && !stopped) {
        LOG.warn("error retention sweep failed: {}", ar.cause().toString());
      } else if (ar.succeeded() && ar.result() > 0) {
        LOG.info("error retention: pruned {} events older than {}", ar.result(), cutoff);
      }
    });
  }

  private int prune(Instant cutoff) throws SQLException {
    OffsetDateTime before = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
    int total = 0;
    int deleted;
    do {
      deleted = sc.db().inJdbcTx(c -> {
        try (PreparedStatement st = c.prepareStatement(DELETE)) {
          st.setObject(1, before);
          return st.executeUpdate();
        }
      });
      total += deleted;
    } while (deleted == BATCH && !stopped);
    return total;
  }
}

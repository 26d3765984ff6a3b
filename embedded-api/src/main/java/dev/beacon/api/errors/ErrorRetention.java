package dev.beacon.api.errors;

import dev.beacon.api.core.Lease;
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
 * their counts are separate rows and stay as they are. The events' attachments (rows and files)
 * go first; release health's machines per version and day ({@code error_version_machine}) after.
 * A retention of zero keeps events forever. Of several instances on one database, the one holding
 * the {@value #LEASE} lease sweeps ({@link Lease}).
 */
final class ErrorRetention {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorRetention.class);
  static final int BATCH = 5000;
  static final String LEASE = "errors.retention";
  private static final String DELETE = "DELETE FROM error_event WHERE id IN "
      + "(SELECT id FROM error_event WHERE created_at < ? ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY)";

  private static final String OLD_ATTACHMENTS = "SELECT attachment_id FROM error_attachment WHERE created_at < ? ORDER BY created_at FETCH FIRST "
      + BATCH + " ROWS ONLY";

  private final ServerContext sc;
  private final Attachments attachments;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean stopped;
  private long timer = -1;
  private Lease lease;

  ErrorRetention(ServerContext sc, Attachments attachments) {
    this.sc = sc;
    this.attachments = attachments;
  }

  void start() {
    Duration keep = sc.config().errorRetention();
    if (keep.isZero()) {
      return;
    }
    long every = sc.config().errorRetentionSweep().toMillis();
    lease = Lease.start(sc, LEASE);
    timer = sc.vertx().setPeriodic(Math.min(every, 60_000), every, id -> {
      if (lease.held()) {
        sweep();
      }
    });
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
    pruneAttachments(before);
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
    // release health's machines per version and day go with the events of their days
    java.time.LocalDate day = before.toLocalDate().minusDays(1);
    sc.db().inJdbcTx(c -> dev.beacon.api.core.Jdbc.update(c, "DELETE FROM error_version_machine WHERE seen_day < ?", day));
    return total;
  }

  /**
   * Deletes the attachments of the events about to be pruned (an attachment is as old as its
   * event): their rows, then once that is committed their files.
   */
  private void pruneAttachments(OffsetDateTime before) throws SQLException {
    java.util.List<String> ids;
    do {
      ids = sc.db().inJdbcTx(c -> {
        java.util.List<String> found = new java.util.ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(OLD_ATTACHMENTS)) {
          st.setObject(1, before);
          try (java.sql.ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              found.add(rs.getString(1));
            }
          }
        }
        for (java.util.List<String> chunk : dev.beacon.api.core.Jdbc.chunks(found, dev.beacon.api.core.Jdbc.IN_CHUNK)) {
          dev.beacon.api.core.Jdbc.update(c, "DELETE FROM error_attachment WHERE attachment_id IN ("
              + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")", chunk.toArray());
        }
        return found;
      });
      attachments.delete(ids);
    } while (ids.size() == BATCH && !stopped);
  }
}

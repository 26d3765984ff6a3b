package dev.beacon.api.telemetry;

import dev.beacon.api.core.Db;
import io.vertx.core.Vertx;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the heartbeat log into the usage tables ({@link UsageStore#write}), many thousands of
 * heartbeats per transaction, and removes what it folded in the same transaction: a crash leaves
 * each heartbeat either in the log or folded, never both or neither. The ingest asks for a fold
 * after its commits ({@link #soon}); every read of usage folds what is pending first
 * ({@link #now}), so answers count every acknowledged heartbeat. One fold at a time.
 */
final class UsageFold {
  private static final Logger LOG = LoggerFactory.getLogger(UsageFold.class);
  /** Heartbeats per fold transaction. */
  static final int CHUNK = 500;
  /** How long the ingest's requests for a fold gather before one runs. */
  static final long DELAY_MS = 250;

  private final Db db;
  private final DayBitmaps bitmaps;
  private final ReentrantLock lock = new ReentrantLock();
  /**
   * Held by each fold transaction and each ingest transaction: H2 writes every changed page at
   * every commit, so an ingest commit in the middle of a fold would write the fold's half-done
   * pages again and again; taking turns, the fold's pages are written once, at its commit. Fair,
   * so that neither side can starve the other: the log cannot outgrow the fold under a long burst.
   */
  private final ReentrantLock turns = new ReentrantLock(true);
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean stopped;

  /** @param bitmaps the cached days to tell of newly active machines, or null */
  UsageFold(Db db, DayBitmaps bitmaps) {
    this.db = db;
    this.bitmaps = bitmaps;
  }

  /** Folds soon, off the caller's thread; requests made meanwhile share the one fold. */
  void soon(Vertx vertx) {
    if (!stopped && scheduled.compareAndSet(false, true)) {
      vertx.setTimer(DELAY_MS, id -> {
        if (stopped) {
          return; // what is left in the log is folded at the next start
        }
        db.blocking(() -> {
          scheduled.set(false);
          return now();
        }).onFailure(e -> LOG.warn("folding heartbeats failed (tried again with the next ones): {}", e.toString()));
      });
    }
  }

  /** No more folds from {@link #soon}: the server is stopping (the log is folded at the next start). */
  void stop() {
    stopped = true;
  }

  /** Runs a writing transaction in turn with the fold's transactions. */
  <T> T inTurn(java.util.concurrent.Callable<T> work) throws SQLException {
    turns.lock();
    try {
      return work.call();
    } catch (SQLException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      turns.unlock();
    }
  }

  /**
   * Folds everything logged before the call, on the calling thread (blocking); answers how many
   * heartbeats it folded. What is logged meanwhile waits for the next fold, so a read under a
   * heavy ingest is not held up by heartbeats that arrived after it.
   */
  int now() throws SQLException {
    lock.lock();
    try {
      long last = db.inJdbcTx(BeatLog::lastSeq);
      int folded = 0;
      while (true) {
        Chunk chunk = inTurn(() -> db.inJdbcTx(c -> {
          List<BeatLog.Logged> logged = BeatLog.oldest(c, CHUNK, last);
          if (logged.isEmpty()) {
            return null;
          }
          // the heartbeats of an app deleted since are dropped with it
          java.util.Set<String> apps = UsageStore.existingApps(c, logged.stream().map(l -> l.beat().appId()).distinct().toList());
          UsageStore.Stored s = UsageStore.write(c, logged.stream().map(BeatLog.Logged::beat).filter(b -> apps.contains(b.appId())).toList());
          BeatLog.remove(c, logged.get(0).seq(), logged.get(logged.size() - 1).seq(), logged.size());
          return new Chunk(logged.size(), s);
        }));
        if (chunk == null) {
          return folded;
        }
        folded += chunk.stored().ordinals().length;
        if (bitmaps != null) {
          chunk.stored().active().forEach(bitmaps::added);
        }
        if (chunk.logged() < CHUNK) {
          return folded;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** What one fold transaction took from the log and what it wrote. */
  private record Chunk(int logged, UsageStore.Stored stored) {}
}

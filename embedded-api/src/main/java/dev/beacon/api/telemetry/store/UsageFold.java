package dev.beacon.api.telemetry.store;

import dev.beacon.api.apps.AppDirectory;
import dev.beacon.api.core.Db;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usage storage engine. The ingest appends each group commit's heartbeats to the log
 * ({@link #append}, durable when it returns); the fold applies them, in log order, to the open
 * days in memory ({@link OpenUsage}) a quarter second later ({@link #soon}) and before every read
 * ({@link #read}), so answers count every acknowledged heartbeat. Every half minute, at each
 * closing of old days and at a clean stop, a snapshot writes what changed to the database
 * ({@link UsageSnapshots}) and the log files it covers are deleted; at start the last snapshot is
 * read back and the log after it replayed ({@link #start}). Before applying heartbeats, a fold reads
 * in what memory does not hold yet of their apps (machine count, machines, the day's counts) and
 * drops the apps deleted meanwhile. One fold at a time (a lock, which readers of memory hold too).
 */
public final class UsageFold {
  private static final Logger LOG = LoggerFactory.getLogger(UsageFold.class);
  /** The most heartbeats one {@link #append} takes (one entry of the log). */
  public static final int MAX_BEATS = 512;
  /** How long the ingest's requests for a fold gather before one runs. */
  static final long DELAY_MS = 250;
  /** How often a snapshot is taken while heartbeats come. */
  public static final long SNAPSHOT_EVERY_MS = 30_000;
  /** Heartbeats after which a fold takes a snapshot anyway (bounds the log and the replay at start). */
  static final long SNAPSHOT_AFTER_BEATS = 2_000_000;

  /** Work on the database that also reads usage in memory. */
  @FunctionalInterface
  public interface Read<T> {
    T run(Connection c, OpenUsage usage) throws SQLException;
  }

  private final Db db;
  private final Path logDir;
  private final DayBitmaps bitmaps;
  private final AppDirectory apps;
  private final ReentrantLock lock = new ReentrantLock();
  private final Object appending = new Object();
  private final ConcurrentLinkedQueue<BeatLog.Entry> pending = new ConcurrentLinkedQueue<>();
  /** Entries taken from {@link #pending} whose apply failed: applied first next time. */
  private final List<BeatLog.Entry> retry = new ArrayList<>();
  private final OpenUsage usage = new OpenUsage();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  /** Set at start, null once closed; appends read it under {@link #appending}. */
  private volatile BeatLog log;
  private long applied;
  /** The log position of the last snapshot. */
  private long snapshotSeq = -1;
  private long beatsSinceSnapshot;
  private volatile boolean stopped;

  /**
   * @param logDir the heartbeat log's folder
   * @param bitmaps the cache of closed days, told of days a snapshot closes
   * @param apps the apps: which exist, and their zones
   */
  public UsageFold(Db db, Path logDir, DayBitmaps bitmaps, AppDirectory apps) {
    this.db = db;
    this.logDir = logDir;
    this.bitmaps = bitmaps;
    this.apps = apps;
  }

  /**
   * Blocking, once before the first heartbeat: reads the last snapshot back, replays the log after
   * it, and takes a snapshot if it replayed anything. Answers the heartbeats replayed.
   */
  public int start() throws SQLException, IOException {
    lock.lock();
    try {
      long seq = db.inJdbcTx(c -> UsageSnapshots.restore(c, usage));
      applied = seq;
      BeatLog.Recovered recovered = BeatLog.open(logDir, seq);
      log = recovered.log();
      List<HashedBeat> beats = new ArrayList<>();
      for (BeatLog.Entry e : recovered.entries()) {
        beats.addAll(e.beats());
        applied = Math.max(applied, e.seq());
      }
      apply(beats);
      if (!beats.isEmpty()) {
        snapshotNow(Map.of());
      }
      return beats.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Logs heartbeats (blocking): once this returns they are durable, and the next fold applies
   * them. Answers their place in the log.
   */
  public long append(List<HashedBeat> beats) throws IOException {
    if (beats.isEmpty()) {
      return -1;
    }
    synchronized (appending) {
      if (log == null) {
        throw new IOException("the server is stopping");
      }
      long seq = log.append(beats);
      pending.add(new BeatLog.Entry(seq, beats));
      return seq;
    }
  }

  /** Folds soon, off the caller's thread; requests made meanwhile share the one fold. */
  public void soon(Vertx vertx) {
    if (!stopped && scheduled.compareAndSet(false, true)) {
      vertx.setTimer(DELAY_MS, id -> {
        if (stopped) {
          return; // what is left is replayed from the log at the next start
        }
        db.blocking(() -> {
          scheduled.set(false);
          int folded = now();
          if (beatsSinceSnapshot() >= SNAPSHOT_AFTER_BEATS) {
            snapshot();
          }
          return folded;
        }).onFailure(e -> LOG.warn("folding heartbeats failed (tried again with the next ones): {}", e.toString()));
      });
    }
  }

  /** No more folds from {@link #soon}: the server is stopping. */
  public void stop() {
    stopped = true;
  }

  /** Blocking, at a clean stop: a last snapshot, so that the next start has nothing to replay. */
  public void close() throws SQLException, IOException {
    lock.lock();
    try {
      if (log != null) {
        try {
          snapshot();
        } finally {
          synchronized (appending) {
            log.close();
            log = null;
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Applies everything logged so far to memory (blocking); answers how many heartbeats. */
  public int now() throws SQLException {
    lock.lock();
    try {
      for (BeatLog.Entry e = pending.poll(); e != null; e = pending.poll()) {
        retry.add(e);
      }
      if (retry.isEmpty()) {
        return 0;
      }
      List<HashedBeat> beats = new ArrayList<>();
      retry.forEach(e -> beats.addAll(e.beats()));
      apply(beats);
      applied = Math.max(applied, retry.get(retry.size() - 1).seq());
      beatsSinceSnapshot += beats.size();
      retry.clear();
      try {
        UsageSnapshots.saveNewMachines(db, usage);
      } catch (SQLException e) {
        LOG.warn("saving new machines failed (tried again with the next fold or snapshot): {}", e.toString());
      }
      return beats.size();
    } finally {
      lock.unlock();
    }
  }

  /** Folds, then runs {@code work} with memory held still (blocking). */
  public <T> T read(Read<T> work) throws SQLException {
    lock.lock();
    try {
      now();
      return db.inJdbcTx(c -> work.run(c, usage));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Like {@link #read}, with the app's machines read into memory first (when the app exists), so
   * that {@code work} may look machines up by hash (release health).
   */
  public <T> T readIndexed(String appId, Read<T> work) throws SQLException {
    lock.lock();
    try {
      now();
      return db.inJdbcTx(c -> {
        if (apps.existing(c, List.of(appId)).contains(appId)) {
          readMachines(c, appId);
        }
        return work.run(c, usage);
      });
    } finally {
      lock.unlock();
    }
  }

  /** Folds and writes a snapshot (blocking). */
  public void snapshot() throws SQLException {
    lock.lock();
    try {
      foldAndRoll();
      snapshotNow(Map.of());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Closes every open day of every app that is old enough at {@code now}, in a snapshot
   * (blocking); answers the number of days closed.
   */
  public int closeDays(Instant now) throws SQLException {
    lock.lock();
    try {
      foldAndRoll();
      Map<String, LocalDate> before = new HashMap<>();
      db.inJdbcTx(apps::zones).forEach((appId, zone) ->
          before.put(appId, LocalDate.ofInstant(now, zone).minusDays(ClosedDays.OPEN_DAYS - 1L)));
      return snapshotNow(before);
    } finally {
      lock.unlock();
    }
  }

  /** The machine's ordinal once folded, or -1 (for the bulk loader). */
  public int ordinal(String appId, String hash) {
    lock.lock();
    try {
      return usage.ordinal(appId, hash);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Applies heartbeats to memory (the lock held): first, in one transaction, reads in what they
   * need that memory does not hold (so that a failure leaves no beat half applied) and forgets the
   * apps deleted meanwhile, whose beats are dropped.
   */
  private void apply(List<HashedBeat> beats) throws SQLException {
    if (beats.isEmpty()) {
      return;
    }
    db.inJdbcTx(c -> {
      List<String> ids = beats.stream().map(HashedBeat::appId).distinct().toList();
      Set<String> existing = apps.existing(c, ids);
      for (String id : ids) {
        if (existing.contains(id)) {
          readMachines(c, id);
        } else {
          usage.drop(id);
        }
      }
      for (HashedBeat b : beats) {
        AppUsage app = usage.find(b.appId());
        if (app != null && app.day(b.day()) == null) {
          app.open(DayCounts.open(c, b.appId(), b.day()));
        }
      }
      return null;
    });
    usage.apply(beats);
  }

  /** The app in memory with its machines read: its count, then its saved machines into the index. */
  private void readMachines(Connection c, String appId) throws SQLException {
    AppUsage app = usage.find(appId);
    if (app == null) {
      app = usage.add(appId, MachineCounts.read(c, appId));
    }
    if (!app.indexed()) {
      MachineIndex index = new MachineIndex(app.machines());
      int[] next = {0};
      MachineBlocks.read(c, appId, m -> {
        index.put(m.hash(), m.ordinal());
        next[0] = Math.max(next[0], m.ordinal() + 1);
      });
      app.indexed(index, next[0]);
    }
  }

  private long beatsSinceSnapshot() {
    lock.lock();
    try {
      return beatsSinceSnapshot;
    } finally {
      lock.unlock();
    }
  }

  /** Folds, starts a new log file (so the snapshot can delete the old ones whole), folds what came meanwhile. */
  private void foldAndRoll() throws SQLException {
    now();
    if (log != null) {
      try {
        log.roll();
      } catch (IOException e) {
        LOG.warn("cannot start a new heartbeat log file (the old one goes on): {}", e.toString());
      }
    }
    now();
  }

  /** Writes the snapshot of everything applied so far (the lock held); answers the days closed. */
  private int snapshotNow(Map<String, LocalDate> closeBefore) throws SQLException {
    long seq = applied;
    if (seq == snapshotSeq && closeBefore.isEmpty() && !usage.changed()) {
      return 0; // nothing came since the last one
    }
    List<DayKey> closed = db.inJdbcTx(c -> {
      usage.retain(apps.existing(c, usage.appIds())); // the apps deleted meanwhile are forgotten
      return UsageSnapshots.save(c, usage, seq, closeBefore);
    });
    usage.saved(closed);
    snapshotSeq = seq;
    beatsSinceSnapshot = 0;
    closed.forEach(bitmaps::invalidate);
    if (log != null) {
      try {
        log.removeUpTo(seq);
      } catch (IOException e) {
        LOG.warn("cannot delete heartbeat log files a snapshot holds (tried again at the next one): {}", e.toString());
      }
    }
    return closed.size();
  }
}

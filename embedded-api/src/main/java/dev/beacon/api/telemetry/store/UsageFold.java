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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
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
 *
 * <p>On a shared log ({@link SharedHeartbeatLog}: several servers on one PostgreSQL) every server
 * folds every server's entries in the log's order, so all number machines alike and hold the same
 * open days; only the one that {@code writes} (the holder of the usage lease) saves machines, takes
 * snapshots and closes days. The others check the database's snapshot before each fold: when one
 * closed days, or went past what they folded where they must read from the database, they read
 * it back and fold on from there ({@link #reload}).
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
  /** About the most heartbeats one apply takes from a shared log (it is read in pieces). */
  static final int FOLD_BEATS = 100_000;

  /** Work on the database that also reads usage in memory. */
  @FunctionalInterface
  public interface Read<T> {
    T run(Connection c, OpenUsage usage) throws SQLException;
  }

  private final Db db;
  private final Path logDir;
  private final DayBitmaps bitmaps;
  private final AppDirectory apps;
  private final boolean shared;
  private final BooleanSupplier writes;
  private final ReentrantLock lock = new ReentrantLock();
  private final Object appending = new Object();
  private final OpenUsage usage = new OpenUsage();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  /** Set at start, null once closed; appends read it under {@link #appending}. */
  private volatile HeartbeatLog log;
  private long applied;
  /** The log position of the last snapshot. */
  private long snapshotSeq = -1;
  /** Shared log: the database's snapshot as this memory last checked it. */
  private UsageSnapshots.Mark seen = new UsageSnapshots.Mark(-1, 0);
  private long beatsSinceSnapshot;
  /** Shared log: whether this server saved machines at its last fold (it held the lease). */
  private boolean wrote;
  private volatile boolean stopped;

  /**
   * The engine of one server, with its log in files.
   *
   * @param logDir the heartbeat log's folder
   * @param bitmaps the cache of closed days, told of days a snapshot closes
   * @param apps the apps: which exist, and their zones
   */
  public UsageFold(Db db, Path logDir, DayBitmaps bitmaps, AppDirectory apps) {
    this(db, logDir, bitmaps, apps, false, () -> true);
  }

  private UsageFold(Db db, Path logDir, DayBitmaps bitmaps, AppDirectory apps, boolean shared, BooleanSupplier writes) {
    this.db = db;
    this.logDir = logDir;
    this.bitmaps = bitmaps;
    this.apps = apps;
    this.shared = shared;
    this.writes = writes;
  }

  /**
   * The engine of one of several servers on one PostgreSQL, with the log in the database
   * ({@link SharedHeartbeatLog}). {@code writes}: whether this server saves machines and takes
   * snapshots now (it holds the usage lease).
   */
  public static UsageFold shared(Db db, DayBitmaps bitmaps, AppDirectory apps, BooleanSupplier writes) {
    return new UsageFold(db, null, bitmaps, apps, true, writes);
  }

  /**
   * Shared log, once at start before {@link #start}: moves what this server's own log files hold
   * after the last snapshot (a stop before this version, or the older layouts' carried-over log)
   * into the shared log, then deletes them. Answers the heartbeats moved.
   */
  public int adoptFiles(Path dir) throws SQLException, IOException {
    if (!shared || !java.nio.file.Files.isDirectory(dir)) {
      return 0;
    }
    long seq = db.inJdbcTx(UsageSnapshots::seq);
    int moved = 0;
    SharedHeartbeatLog to = new SharedHeartbeatLog(db);
    BeatLog.Recovered files = BeatLog.open(dir, seq);
    try (BeatLog old = files.log()) {
      for (BeatLog.Entry e : files.entries()) {
        to.append(e.beats());
        moved += e.beats().size();
      }
      old.roll();
      old.removeUpTo(Long.MAX_VALUE);
    }
    return moved;
  }

  /**
   * Blocking, once before the first heartbeat: reads the last snapshot back, replays the log after
   * it, and takes a snapshot if it replayed anything. Answers the heartbeats replayed.
   */
  public int start() throws SQLException, IOException {
    lock.lock();
    try {
      if (shared) {
        reload();
        log = new SharedHeartbeatLog(db);
        return now();
      }
      long seq = db.inJdbcTx(c -> UsageSnapshots.restore(c, usage));
      applied = seq;
      log = FileHeartbeatLog.open(logDir, seq);
      int replayed = foldLog();
      if (replayed > 0) {
        snapshotNow(Map.of());
      }
      return replayed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Logs heartbeats (blocking): once this returns they are durable, and the next fold applies
   * them. Answers their place in the log.
   */
  public long append(List<HashedBeat> beats) throws IOException, SQLException {
    if (beats.isEmpty()) {
      return -1;
    }
    HeartbeatLog to = log;
    if (to == null) {
      throw new IOException("the server is stopping");
    }
    if (shared) {
      return to.append(beats); // the database lines appenders up
    }
    synchronized (appending) {
      if (log == null) {
        throw new IOException("the server is stopping");
      }
      return log.append(beats);
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
          if (beatsSinceSnapshot() >= SNAPSHOT_AFTER_BEATS && writes.getAsBoolean()) {
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
          if (writes.getAsBoolean()) {
            snapshot();
          }
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
      if (log == null) {
        return 0;
      }
      if (shared) {
        check();
      }
      int folded = foldLog();
      boolean writing = writes.getAsBoolean();
      if (shared && writing && !wrote) {
        // another server saved machines meanwhile: where their saved blocks end is read again
        usage.apps().forEach(app -> app.savedEnd(-1));
      }
      wrote = writing;
      if (folded > 0 && writing) {
        try {
          UsageSnapshots.saveNewMachines(db, usage, shared);
        } catch (SQLException e) {
          LOG.warn("saving new machines failed (tried again with the next fold or snapshot): {}", e.toString());
        }
      }
      return folded;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Applies the log's entries after {@link #applied}, in order, until caught up (the lock held);
   * answers how many heartbeats. On a shared log, a fold that finds itself behind the database
   * reads the snapshot back and goes on from there.
   */
  private int foldLog() throws SQLException {
    int folded = 0;
    while (true) {
      List<BeatLog.Entry> entries;
      try {
        entries = log.after(applied, FOLD_BEATS);
        if (entries.isEmpty()) {
          return folded;
        }
        List<HashedBeat> beats = new ArrayList<>();
        entries.forEach(e -> beats.addAll(e.beats()));
        apply(beats);
        applied = Math.max(applied, entries.get(entries.size() - 1).seq());
        beatsSinceSnapshot += beats.size();
        folded += beats.size();
      } catch (HeartbeatLog.Behind behind) {
        LOG.debug("usage memory behind the database ({}): reading the snapshot back", behind.getMessage());
        reload();
      } catch (IOException e) {
        throw new SQLException("cannot read the heartbeat log: " + e.getMessage(), e);
      }
      if (!shared) {
        return folded; // the file log gives all it has at once
      }
    }
  }

  /**
   * Shared log (the lock held): when another server's snapshot closed days, memory reads the
   * snapshot back ({@link #reload}); when a new snapshot came, the machines it saved are no
   * longer this server's to save.
   */
  private void check() throws SQLException {
    UsageSnapshots.Mark mark = db.inJdbcTx(c -> UsageSnapshots.mark(c, UsageSnapshots.Hold.NONE));
    if (mark.closings() != seen.closings()) {
      reload();
    } else if (mark.seq() != seen.seq()) {
      db.inJdbcTx(c -> {
        for (AppUsage app : usage.apps()) {
          app.savedEnd(-1);
          if (!app.unsaved().isEmpty()) {
            app.savedBelow(MachineCounts.read(c, app.appId()));
          }
        }
        return null;
      });
      seen = mark;
      snapshotSeq = Math.max(snapshotSeq, mark.seq());
    }
  }

  /**
   * Shared log (the lock held): memory goes back to the database's snapshot, read with the snapshot
   * held still, and the fold goes on from its place in the log.
   */
  private void reload() throws SQLException {
    UsageSnapshots.Mark mark = db.inJdbcTx(c -> {
      UsageSnapshots.Mark m = UsageSnapshots.mark(c, UsageSnapshots.Hold.SHARE);
      UsageSnapshots.restore(c, usage);
      return m;
    });
    seen = mark;
    applied = mark.seq();
    snapshotSeq = mark.seq();
    beatsSinceSnapshot = 0;
    bitmaps.invalidateAll();
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

  /** Folds and writes a snapshot (blocking); on a shared log only where this server writes them, else it only folds. */
  public void snapshot() throws SQLException {
    lock.lock();
    try {
      if (!writes.getAsBoolean()) {
        now();
        return;
      }
      foldAndRoll();
      snapshotNow(Map.of());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Closes every open day of every app that is old enough at {@code now}, in a snapshot
   * (blocking); answers the number of days closed. On a shared log only where this server writes
   * snapshots (the others only fold, and read the closed days back when they see them).
   */
  public int closeDays(Instant now) throws SQLException {
    lock.lock();
    try {
      if (!writes.getAsBoolean()) {
        now();
        return 0;
      }
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
      if (shared && needsReading(ids, beats)) {
        // what is read below must be of a snapshot this memory has folded past, and stay so meanwhile
        UsageSnapshots.Mark mark = UsageSnapshots.mark(c, UsageSnapshots.Hold.SHARE);
        if (mark.seq() > applied || mark.closings() != seen.closings()) {
          throw new HeartbeatLog.Behind("a snapshot past " + applied + " holds what these heartbeats need");
        }
      }
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

  /** Whether applying these beats reads anything from the database (an app or a day memory does not hold). */
  private boolean needsReading(List<String> ids, List<HashedBeat> beats) {
    for (String id : ids) {
      AppUsage app = usage.find(id);
      if (app == null || !app.indexed()) {
        return true;
      }
    }
    for (HashedBeat b : beats) {
      if (usage.find(b.appId()).day(b.day()) == null) {
        return true;
      }
    }
    return false;
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
    List<DayKey> closed;
    try {
      closed = db.inJdbcTx(c -> {
        if (shared) {
          // no other snapshot meanwhile; none since the one this memory folds on from (two writers for a moment)
          UsageSnapshots.Mark mark = UsageSnapshots.mark(c, UsageSnapshots.Hold.UPDATE);
          if (mark.seq() > seq || mark.closings() != seen.closings()) {
            throw new HeartbeatLog.Behind("another server wrote a snapshot past " + seq);
          }
        }
        usage.retain(apps.existing(c, usage.appIds())); // the apps deleted meanwhile are forgotten
        return UsageSnapshots.save(c, usage, seq, closeBefore, shared);
      });
    } catch (HeartbeatLog.Behind behind) {
      reload();
      return 0;
    }
    usage.saved(closed);
    snapshotSeq = seq;
    if (shared) {
      seen = new UsageSnapshots.Mark(seq, seen.closings() + (closed.isEmpty() ? 0 : 1));
    }
    beatsSinceSnapshot = 0;
    closed.forEach(bitmaps::invalidate);
    if (log != null) {
      try {
        log.covered(seq);
      } catch (IOException | SQLException e) {
        LOG.warn("cannot delete heartbeat log entries a snapshot holds (tried again at the next one): {}", e.toString());
      }
    }
    return closed.size();
  }
}

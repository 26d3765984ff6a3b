package dev.beacon.api.telemetry.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The heartbeat log of one server: the files of {@link BeatLog} in the data folder. Only this
 * process appends, so the entries the fold has not applied are kept in memory as they are written
 * (and those read back at start); the files are read only at start.
 */
final class FileHeartbeatLog implements HeartbeatLog {
  private final BeatLog log;
  private final ConcurrentLinkedQueue<BeatLog.Entry> pending = new ConcurrentLinkedQueue<>();
  /** Entries taken from {@link #pending} and not applied yet (an apply that failed is tried again). */
  private final List<BeatLog.Entry> taken = new ArrayList<>();

  private FileHeartbeatLog(BeatLog log, List<BeatLog.Entry> recovered) {
    this.log = log;
    this.pending.addAll(recovered);
  }

  /** Opens the log in {@code dir}; what it holds after {@code after} is the first {@link #after}. */
  static FileHeartbeatLog open(Path dir, long after) throws IOException {
    BeatLog.Recovered recovered = BeatLog.open(dir, after);
    return new FileHeartbeatLog(recovered.log(), recovered.entries());
  }

  @Override
  public long append(List<HashedBeat> beats) throws IOException {
    synchronized (pending) {
      long seq = log.append(beats);
      pending.add(new BeatLog.Entry(seq, beats));
      return seq;
    }
  }

  /** All of them at once: they are in memory already. */
  @Override
  public synchronized List<BeatLog.Entry> after(long applied, int max) {
    taken.removeIf(e -> e.seq() <= applied);
    for (BeatLog.Entry e = pending.poll(); e != null; e = pending.poll()) {
      taken.add(e);
    }
    return List.copyOf(taken);
  }

  @Override
  public void covered(long seq) throws IOException {
    log.removeUpTo(seq);
  }

  @Override
  public void roll() throws IOException {
    log.roll();
  }

  @Override
  public void close() throws IOException {
    synchronized (pending) {
      log.close();
    }
  }
}

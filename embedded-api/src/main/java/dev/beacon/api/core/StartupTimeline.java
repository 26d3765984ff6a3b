package dev.beacon.api.core;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a start's time goes: phases marked as the server starts (the JVM until the start began,
 * the pool, Flyway, Hibernate, each feature's start, the routes, listening), printed after the
 * "listening" line with {@code --verbose} and logged at debug otherwise, so that a slower start
 * shows which phase it comes from. Thread-safe: phases are marked from worker threads and event
 * loops.
 */
public final class StartupTimeline {
  private static final Logger LOG = LoggerFactory.getLogger(StartupTimeline.class);

  private final long created = System.nanoTime();
  /** Each mark's name and time (nanoseconds after this timeline was made), in order. */
  private final List<String> names = new ArrayList<>();
  private final List<Long> marks = new ArrayList<>();
  private long beforeMs = -1;

  /** One phase: its name, and when it ended (milliseconds after the JVM started). */
  public record Phase(String name, long endMs, long tookMs) {}

  /**
   * A timeline whose first phase, the JVM's own start until now, is known later: the JVM's uptime
   * is read (from {@code java.management}, loaded only then) when the timeline is first asked for,
   * not on the start's path. The process's start instant would cost nothing, but Linux gives it
   * only to the second.
   */
  public StartupTimeline() {
    mark("JVM and class loading until the server's start");
  }

  /** Ends the current phase under {@code name}; the next one starts now. */
  public synchronized void mark(String name) {
    names.add(name);
    marks.add(System.nanoTime() - created);
  }

  public synchronized List<Phase> phases() {
    if (beforeMs < 0) {
      long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
      beforeMs = Math.max(0, uptime - (System.nanoTime() - created) / 1_000_000);
    }
    List<Phase> phases = new ArrayList<>();
    long last = 0;
    for (int i = 0; i < marks.size(); i++) {
      long end = beforeMs + marks.get(i) / 1_000_000;
      phases.add(new Phase(names.get(i), end, end - last));
      last = end;
    }
    return phases;
  }

  /** Milliseconds from the JVM's start until the last mark. */
  public synchronized long totalMs() {
    List<Phase> phases = phases();
    return phases.get(phases.size() - 1).endMs();
  }

  /** The timeline as lines, one per phase: its length and when it ended. */
  public String describe() {
    StringBuilder out = new StringBuilder("start-up timeline (ms: phase length, end after the JVM's start)");
    for (Phase p : phases()) {
      out.append(String.format(java.util.Locale.ROOT, "%n  %6d %7d  %s", p.tookMs(), p.endMs(), p.name()));
    }
    return out.toString();
  }

  /** Prints the timeline on standard output when {@code verbose}, else logs it at debug. */
  public void report(boolean verbose) {
    if (verbose) {
      System.out.println(describe());
    } else if (LOG.isDebugEnabled()) {
      LOG.debug(describe());
    }
  }
}

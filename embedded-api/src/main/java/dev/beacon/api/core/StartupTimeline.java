package dev.beacon.api.core;

import java.time.Duration;
import java.time.Instant;
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

  private final Instant jvmStart;
  private final List<Phase> phases = new ArrayList<>();
  private long last;

  /** One phase: its name, and when it ended (milliseconds after the JVM started). */
  public record Phase(String name, long endMs, long tookMs) {}

  public StartupTimeline() {
    this.jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    mark("JVM and class loading until the server's start");
  }

  /** Ends the current phase under {@code name}; the next one starts now. */
  public synchronized void mark(String name) {
    long now = Duration.between(jvmStart, Instant.now()).toMillis();
    phases.add(new Phase(name, now, now - last));
    last = now;
  }

  public synchronized List<Phase> phases() {
    return List.copyOf(phases);
  }

  /** Milliseconds from the JVM's start until the last mark. */
  public synchronized long totalMs() {
    return last;
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

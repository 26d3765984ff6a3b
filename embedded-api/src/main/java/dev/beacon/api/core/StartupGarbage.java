package dev.beacon.api.core;

import java.time.Duration;

/**
 * One full collection a few seconds after the server (or the console with it) has started, for the
 * processes that users run (the headless server and the console, not tests): the start leaves tens
 * of megabytes of garbage behind (Hibernate's boot builds its metamodel from far larger working
 * structures), and a full collection gives the heap it no longer needs back to the system at once,
 * where G1's periodic collection, every 15 s when idle, would only do it later and partly (on a
 * 2-core machine, 216 MB resident 10 s after a start, 193 MB after such a collection). It runs on a
 * thread of its own; a JVM run with {@code -XX:+DisableExplicitGC} ignores it.
 */
public final class StartupGarbage {
  /** Long enough for the first requests after a start (the console's sign-in and first screen). */
  public static final Duration DELAY = Duration.ofSeconds(4);

  private StartupGarbage() {}

  /** Collects once, {@link #DELAY} from now. */
  public static void collectSoon() {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(DELAY.toMillis());
        System.gc();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "beacon-startup-gc");
    t.setDaemon(true);
    t.start();
  }
}

package dev.beacon.desktop.support;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An executor that runs each task at once on the calling thread, and counts those finished. A
 * {@code javafx.concurrent.Task} run here from the FX thread has done its work when the call
 * returns; its callbacks follow on the FX thread's queue.
 */
final class InlineExecutor extends AbstractExecutorService {
  private final AtomicLong runs = new AtomicLong();
  private volatile boolean shutdown;

  /** How many tasks have finished running. */
  long runs() {
    return runs.get();
  }

  @Override
  public void execute(Runnable task) {
    if (shutdown) {
      throw new RejectedExecutionException("shut down");
    }
    try {
      task.run();
    } finally {
      runs.incrementAndGet(); // after: a task counted has queued its callbacks
    }
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }
}

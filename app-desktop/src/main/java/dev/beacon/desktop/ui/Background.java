package dev.beacon.desktop.ui;

import dev.beacon.desktop.client.ApiError;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

/**
 * Runs a server call off the FX thread as a {@link Task} and hands its result (or its error, as
 * one line of text) back on the FX thread. A screen binds {@code busy} to a progress indicator
 * and {@code problem} to an in-place error message, so every call shows progress and failure the
 * same way.
 */
public final class Background {
  /** Tasks still running per busy flag (FX thread only): a flag clears when the last one ends. */
  private static final Map<BooleanProperty, Integer> RUNNING = new WeakHashMap<>();

  private Background() {}

  /**
   * Starts {@code work} on the context's executor. While it (or another task given the same
   * {@code busy}) runs {@code busy} is true (may be null); on success {@code problem} is cleared and {@code done} gets the result; on failure
   * {@code problem} gets the error's text. Call on the FX thread. Returns the task.
   */
  public static <T> Task<T> run(ConsoleContext ctx, Callable<T> work, Consumer<T> done,
      BooleanProperty busy, StringProperty problem) {
    Task<T> task = new Task<>() {
      @Override
      protected T call() throws Exception {
        return work.call();
      }
    };
    started(busy);
    task.setOnSucceeded(e -> {
      ended(busy);
      if (problem != null) {
        problem.set("");
      }
      done.accept(task.getValue());
    });
    task.setOnCancelled(e -> ended(busy));
    task.setOnFailed(e -> {
      ended(busy);
      if (problem != null) {
        problem.set(ApiError.text(task.getException()));
      }
    });
    try {
      ctx.io().execute(task);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // the console is closing: nothing more to load
      ended(busy);
    }
    return task;
  }

  private static void started(BooleanProperty busy) {
    if (busy != null) {
      RUNNING.merge(busy, 1, Integer::sum);
      busy.set(true);
    }
  }

  private static void ended(BooleanProperty busy) {
    if (busy != null) {
      Integer left = RUNNING.computeIfPresent(busy, (k, n) -> n > 1 ? n - 1 : null);
      busy.set(left != null);
    }
  }
}

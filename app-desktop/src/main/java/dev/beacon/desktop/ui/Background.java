package dev.beacon.desktop.ui;

import dev.beacon.desktop.client.ApiError;
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
  private Background() {}

  /**
   * Starts {@code work} on the context's executor. While it runs {@code busy} is true (may be
   * null); on success {@code problem} is cleared and {@code done} gets the result; on failure
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
    if (busy != null) {
      busy.set(true);
    }
    task.setOnSucceeded(e -> {
      if (busy != null) {
        busy.set(false);
      }
      if (problem != null) {
        problem.set("");
      }
      done.accept(task.getValue());
    });
    task.setOnFailed(e -> {
      if (busy != null) {
        busy.set(false);
      }
      if (problem != null) {
        problem.set(ApiError.text(task.getException()));
      }
    });
    try {
      ctx.io().execute(task);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // the console is closing: nothing more to load
      if (busy != null) {
        busy.set(false);
      }
    }
    return task;
  }
}

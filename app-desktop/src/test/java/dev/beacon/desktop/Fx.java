package dev.beacon.desktop;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxToolkit;
import org.testfx.service.query.EmptyNodeQueryException;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers for tests that need the FX thread (headless under Monocle, see the pom). */
public final class Fx {
  private Fx() {}

  /** Starts the JavaFX toolkit once for the test JVM (TestFX's primary stage). */
  public static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  /** Runs {@code work} on the FX thread and returns its result. */
  public static <T> T call(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
  }

  /** Runs {@code work} on the FX thread and waits for it. */
  public static void run(Runnable work) throws Exception {
    WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
  }

  /**
   * Waits (bounded) until {@code condition}, evaluated on the FX thread, holds. A node the condition
   * looks up and that is not in the scene yet counts as "not yet": a screen just shown gets some of
   * its nodes with its skins, at the next pulse (a scroll pane's content, for one).
   */
  public static void waitUntil(long seconds, Callable<Boolean> condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> call(() -> {
      try {
        return condition.call();
      } catch (EmptyNodeQueryException notInTheSceneYet) {
        return false;
      }
    }));
  }
}

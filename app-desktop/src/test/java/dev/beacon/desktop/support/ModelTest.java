package dev.beacon.desktop.support;

import dev.beacon.desktop.client.ApiError;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.ui.ConsoleContext;

/**
 * A plain JUnit test of a screen model: no stage and no FX thread. The model runs in a
 * {@link ConsoleContext#synchronous() synchronous} context, so every call has reached the real
 * server and come back when it returns. All model tests share one {@link LiveServer}, started
 * once for the test JVM; tests make their own uniquely named data.
 */
public abstract class ModelTest {
  private static LiveServer shared;

  /** The shared server, started on first use and stopped when the JVM ends. */
  protected static synchronized LiveServer server() throws Exception {
    if (shared == null) {
      LiveServer s = LiveServer.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          s.close();
        } catch (Exception ignored) {
          // the JVM is ending
        }
      }, "model-test-server-stop"));
      shared = s;
    }
    return shared;
  }

  /** A synchronous context signed in as the shared server's admin. */
  protected static ConsoleContext adminContext() throws Exception {
    return signedIn(server().admin());
  }

  /** A synchronous context signed in with {@code client} (null: signed out). */
  protected static ConsoleContext signedIn(BeaconClient client) throws ApiError {
    ConsoleContext ctx = ConsoleContext.synchronous();
    ctx.setClient(client);
    return ctx;
  }

  /** A name no other test uses: {@code prefix} and a counter. */
  protected static String unique(String prefix) {
    return prefix + " " + Long.toString(System.nanoTime(), 36);
  }
}

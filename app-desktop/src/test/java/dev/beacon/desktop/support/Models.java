package dev.beacon.desktop.support;

import dev.beacon.desktop.client.ApiError;
import dev.beacon.desktop.client.App;
import dev.beacon.desktop.client.AppDraft;
import dev.beacon.desktop.client.AppsApi;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * What screen-model tests share, without a stage or TestFX: one live server for every model test
 * in the JVM (closed when the JVM exits), contexts (signed in or out) whose background work runs inline, and
 * {@link #run} to call a model on the FX thread and return once its server calls and their
 * callbacks (and the loads those start) are all done.
 */
public final class Models {
  private static final String PASSWORD = "model-test-password";
  private static final AtomicInteger DEVELOPERS = new AtomicInteger();
  private static final InlineExecutor IO = new InlineExecutor();
  private static LiveServer server;
  private static BeaconClient admin;
  private static boolean fxStarted;

  private Models() {}

  /** The shared server, started (with the FX platform, no window) on first use. */
  public static synchronized LiveServer server() throws Exception {
    if (server == null) {
      startFx();
      LiveServer s = LiveServer.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          s.close();
        } catch (Exception ignored) {
          // the JVM is ending
        }
      }));
      admin = s.admin();
      server = s;
    }
    return server;
  }

  /**
   * Starts the JavaFX platform once for the JVM, without a window. TestFX may have started it
   * already; if it starts after this, its primary stage comes up on the running platform.
   */
  private static synchronized void startFx() {
    if (fxStarted) {
      return;
    }
    try {
      Platform.startup(() -> {});
    } catch (IllegalStateException alreadyStarted) {
      // started by an earlier test
    }
    Platform.setImplicitExit(false);
    fxStarted = true;
  }

  /**
   * A context signed in as a newly registered developer, who has no apps yet. Registering and
   * signing in hash a password (a good part of a second): once per test class is enough.
   */
  public static ConsoleContext developer() throws Exception {
    LiveServer s = server();
    String account = "model-" + DEVELOPERS.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
    admin.post("v1/auth/register", new JsonObject().put("type", "email").put("account", account).put("password", PASSWORD));
    BeaconClient anonymous = s.anonymous();
    return context(anonymous.as(anonymous.login(account, PASSWORD)));
  }

  /** A context signed in as the server's administrator (shared by every model test). */
  public static ConsoleContext administrator() throws Exception {
    server();
    return context(admin);
  }

  /** A context not signed in, for models that sign in themselves or need no server. */
  public static ConsoleContext signedOut() throws Exception {
    startFx();
    return call(() -> new ConsoleContext(IO));
  }

  /** A name no other test uses: {@code prefix} and the clock in nanoseconds (the server's data is shared by every model test). */
  public static String unique(String prefix) {
    return prefix + " " + Long.toString(System.nanoTime(), 36);
  }

  /** A new app of {@code ctx}'s developer (platform 3), made the current app. */
  public static App currentApp(ConsoleContext ctx, String name) throws Exception {
    AppsApi apps = new AppsApi(ctx.client());
    App app = apps.get(apps.create(AppDraft.of(name, 3, "", "")));
    run(() -> ctx.setCurrentApp(AppRef.of(app)));
    return app;
  }

  private static ConsoleContext context(BeaconClient signedIn) throws Exception {
    return call(() -> {
      ConsoleContext ctx = new ConsoleContext(IO);
      ctx.setClient(signedIn);
      ctx.setPublicUrl(server.url().toString());
      return ctx;
    });
  }

  /** Runs {@code work} on the FX thread and returns its result (its failure rethrown). */
  public static <T> T call(Callable<T> work) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        f.complete(work.call());
      } catch (Throwable t) {
        f.completeExceptionally(t);
      }
    });
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      throw new AssertionError(e.getCause());
    }
  }

  /**
   * Runs {@code work} on the FX thread, then waits until the background work it started has
   * finished: every task's callbacks have run, and so have those of the tasks they started.
   */
  public static void run(FxWork work) throws Exception {
    call(() -> {
      work.run();
      return null;
    });
    long seen;
    do {
      seen = IO.runs();
      call(() -> null); // behind the callbacks queued so far
    } while (IO.runs() != seen);
  }

  /** Work for the FX thread that may throw. */
  @FunctionalInterface
  public interface FxWork {
    void run() throws Exception;
  }

  /** Whether {@code call} fails with the server's {@code code} (another failure is rethrown). */
  public static boolean fails(int code, FxWork call) throws Exception {
    try {
      call.run();
      return false;
    } catch (ApiError e) {
      if (e.code() != code) {
        throw e;
      }
      return true;
    }
  }
}

package dev.beacon.desktop;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.Io;
import dev.beacon.desktop.shell.ConsoleOptions;
import dev.beacon.desktop.shell.ConsoleSettings;
import dev.beacon.desktop.shell.ServerHost;
import dev.beacon.desktop.shell.ServerState;
import dev.beacon.desktop.shell.ServerLifecycle;
import dev.beacon.desktop.shell.LogTail;
import dev.beacon.desktop.shell.MainWindow;
import dev.beacon.desktop.shell.WindowMemory;
import dev.beacon.desktop.signin.SignInModel;
import dev.beacon.desktop.ui.ConsoleContext;
import java.io.IOException;
import dev.beacon.desktop.theme.ThemeManager;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console: the embedded server starts beside the window (begun by the launcher before JavaFX
 * starts, see {@link #beginServer}). Closing the window stops the server in the background, then
 * exits.
 */
public final class BeaconApp extends Application {
  /** How often the window asks the server for {@code /health}. */
  static final javafx.util.Duration REFRESH_EVERY = javafx.util.Duration.seconds(3);

  private static volatile ConsoleOptions configured;

  private final ConsoleOptions options;
  private final Runnable exit;
  /** The host whose start {@link #beginServer} began, for the next window. */
  private static volatile ServerHost early;

  private final ServerHost host = takeEarly();
  private final ExecutorService io = Io.newExecutor();
  private ServerLifecycle model;
  private WindowMemory memory;
  private ConsoleContext ctx;
  private SignInModel signIn;
  private MainWindow window;

  /** Used by {@link Application#launch}: the options given to {@link #configure}, else the system properties. */
  public BeaconApp() {
    this(configured != null ? configured : ConsoleOptions.fromProperties(System.getProperties()), Platform::exit);
  }

  /**
   * A console on the given options; {@code exit} runs on the FX thread once closing the window has
   * stopped the server (normally {@link Platform#exit}).
   */
  BeaconApp(ConsoleOptions options, Runnable exit) {
    this.options = options;
    this.exit = exit;
  }

  /** Sets the options the next {@link Application#launch} of this class uses (the launcher's command line). */
  static void configure(ConsoleOptions options) {
    configured = options;
  }

  /**
   * Begins the embedded server's start at once, before JavaFX starts (the launcher calls it): the
   * two overlap, and the window's own start of the server takes the result. With the same settings
   * the window would use; a remote console starts none. The console's HTTP client is prepared
   * meanwhile too.
   */
  static void beginServer(ConsoleOptions options) {
    dev.beacon.desktop.client.BeaconClient.prepare();
    if (options.remote()) {
      return;
    }
    LogTail.install(); // before the server prints anything
    try {
      ServerHost host = new ServerHost();
      host.begin(options, ConsoleSettings.load(options.dataDir()));
      early = host;
    } catch (IOException e) {
      // the settings cannot be read: the window starts the server and shows why
    }
  }

  private static ServerHost takeEarly() {
    ServerHost h = early;
    early = null;
    return h != null ? h : new ServerHost();
  }

  /** Reads what the window remembers, before the window opens (off the FX thread). */
  @Override
  public void init() {
    LogTail.install();
    try {
      memory = WindowMemory.load(options.dataDir());
    } catch (IOException e) {
      System.err.println("Beacon console: cannot read the window settings: " + e.getMessage());
    }
  }

  @Override
  public void start(Stage stage) {
    if (memory == null) {
      init(); // started without init() (some test harnesses)
    }
    model = new ServerLifecycle(host, options, BeaconClient::new, io, REFRESH_EVERY);
    ctx = new ConsoleContext(io);
    ctx.setBrowser(getHostServices()::showDocument);
    signIn = new SignInModel(ctx);
    model.onAnswering(c -> signIn.begin(c, options.remote() ? null : options.dataDir())); // signing in need not wait for the window
    window = new MainWindow(ctx, model, signIn, Screens.all(ctx, model), memory.lastScreen(Screens.FIRST), this::remember);
    Scene scene = new Scene(window, memory.width(), memory.height());
    window.installShortcuts(scene);
    ThemeManager.apply(scene, memory.dark());
    window.darkProperty().set(memory.dark());
    window.darkProperty().addListener((o, was, dark) -> {
      ThemeManager.apply(scene, dark);
      save(WindowMemory.theme(dark));
    });
    stage.setTitle("Beacon");
    stage.setScene(scene);
    stage.setMinWidth(720);
    stage.setMinHeight(480);
    memory.applyTo(stage);
    stage.setOnCloseRequest(e -> {
      e.consume(); // the window stays, showing "Stopping...", until the server is down
      if (model.stateProperty().get() != ServerState.STOPPING && model.stateProperty().get() != ServerState.STOPPED) {
        save(WindowMemory.capture(stage));
        model.stop(exit);
      }
    });
    model.stateProperty().addListener((o, was, now) -> {
      if (now == ServerState.RUNNING) {
        serverRunning();
      }
    });
    model.lanAllowedProperty().addListener((o, was, now) -> publishUrl());
    reportWhenShown(scene);
    stage.show();
    if (options.remote()) { // beside the window, never before it
      model.attach(options.server());
    } else {
      model.start();
    }
  }

  /** The server answers (first start, restart, or remote): sign in again and tell the screens the public URL. */
  private void serverRunning() {
    signIn.serverReady(model.client());
    publishUrl();
    signIn.auto(options.remote() ? null : options.dataDir());
  }

  private void publishUrl() {
    String local = model.localUrlProperty().get();
    ctx.setPublicUrl(!options.remote() && model.lanAllowedProperty().get() ? model.lanUrl() : strip(local));
  }

  private static String strip(String url) {
    return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private void remember(String screen) {
    save(WindowMemory.screen(screen));
  }

  /** Saves window settings in the background (never on the FX thread). */
  private void save(java.util.Map<String, String> values) {
    if (memory == null || io.isShutdown()) {
      return;
    }
    WindowMemory mem = memory;
    io.execute(() -> {
      try {
        mem.save(values);
      } catch (IOException e) {
        System.err.println("Beacon console: cannot save the window settings: " + e.getMessage());
      }
    });
  }

  /**
   * Prints when the first frame was laid out, when the server answered and when the console signed
   * in, in milliseconds after the JVM started: start-up time is a product goal.
   */
  private void reportWhenShown(Scene scene) {
    // the JVM's uptime, not the process's start instant, which Linux gives only to the second
    Instant jvmStart = Instant.now().minusMillis(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    Runnable[] once = new Runnable[1];
    once[0] = () -> {
      scene.removePostLayoutPulseListener(once[0]);
      System.out.println("Beacon console: first frame after " + Duration.between(jvmStart, Instant.now()).toMillis() + " ms");
    };
    scene.addPostLayoutPulseListener(once[0]);
    model.stateProperty().subscribe(s -> {
      if (s == ServerState.RUNNING) {
        System.out.println("Beacon console: server running on " + model.localUrlProperty().get()
            + " after " + Duration.between(jvmStart, Instant.now()).toMillis() + " ms (data: " + model.dataFolderProperty().get() + ")"
            + (model.noteProperty().get().isEmpty() ? "" : "\n" + model.noteProperty().get()));
      } else if (s == ServerState.FAILED) {
        System.err.println("Beacon console: the server did not start: " + model.problemProperty().get());
      }
    });
    // usable: signed in, the first screen loading its data (printed once; bench/startup waits for it)
    ChangeListener<dev.beacon.desktop.client.BeaconClient> signedIn = new ChangeListener<>() {
      @Override
      public void changed(ObservableValue<? extends dev.beacon.desktop.client.BeaconClient> o,
          dev.beacon.desktop.client.BeaconClient was, dev.beacon.desktop.client.BeaconClient now) {
        if (now != null) {
          o.removeListener(this);
          System.out.println("Beacon console: signed in after " + Duration.between(jvmStart, Instant.now()).toMillis() + " ms");
        }
      }
    };
    ctx.clientProperty().addListener(signedIn);
  }

  /** Also stops the server when the application ends some other way than by closing the window. */
  @Override
  public void stop() throws Exception {
    try {
      if (model != null) {
        model.stopRefreshing();
      }
      host.stop();
    } finally {
      io.shutdownNow();
      io.awaitTermination(2, TimeUnit.SECONDS);
    }
  }

  /** The model behind the window (for tests). */
  ServerLifecycle model() {
    return model;
  }

  /** The context the screens share (for tests and the screenshot program). */
  public ConsoleContext context() {
    return ctx;
  }

  /** The main window (for tests and the screenshot program). */
  public MainWindow window() {
    return window;
  }
}

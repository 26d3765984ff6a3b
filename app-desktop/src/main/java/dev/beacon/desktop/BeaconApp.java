package dev.beacon.desktop;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.Io;
import dev.beacon.desktop.shell.ConsoleOptions;
import dev.beacon.desktop.shell.ServerHost;
import dev.beacon.desktop.shell.ServerState;
import dev.beacon.desktop.shell.StatusModel;
import dev.beacon.desktop.shell.StatusView;
import dev.beacon.desktop.theme.ThemeManager;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console: shows the window first, then starts the embedded server beside it. Closing the
 * window stops the server in the background, then exits.
 */
public final class BeaconApp extends Application {
  /** How often the window asks the server for {@code /health}. */
  static final javafx.util.Duration REFRESH_EVERY = javafx.util.Duration.seconds(3);

  private static volatile ConsoleOptions configured;

  private final ConsoleOptions options;
  private final Runnable exit;
  private final ServerHost host = new ServerHost();
  private final ExecutorService io = Io.newExecutor();
  private StatusModel model;

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

  @Override
  public void start(Stage stage) {
    model = new StatusModel(host, options, BeaconClient::new, io, REFRESH_EVERY);
    Scene scene = new Scene(new StatusView(model), 620, 460);
    ThemeManager.apply(scene);
    stage.setTitle("Beacon");
    stage.setScene(scene);
    stage.setMinWidth(480);
    stage.setMinHeight(380);
    stage.setOnCloseRequest(e -> {
      e.consume(); // the window stays, showing "Stopping...", until the server is down
      if (model.stateProperty().get() != ServerState.STOPPING && model.stateProperty().get() != ServerState.STOPPED) {
        model.stop(exit);
      }
    });
    reportWhenShown(scene);
    stage.show();
    model.start(); // beside the window, never before it
  }

  /** Prints when the first frame was laid out and when the server answered: start-up time is a product goal. */
  private void reportWhenShown(Scene scene) {
    Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
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
  StatusModel model() {
    return model;
  }
}

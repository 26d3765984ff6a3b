package dev.beacon.desktop;

import dev.beacon.desktop.shell.ConsoleOptions;
import dev.beacon.desktop.shell.ServerHost;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code beacon.jar}. With {@code --headless} anywhere on the command line it runs the
 * server without a window (the other arguments go to the server); otherwise the console. Not an
 * {@code Application} itself, so the fat jar starts with JavaFX on the class path.
 */
public final class Launcher {
  static final String HEADLESS = "--headless";

  private Launcher() {}

  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    if (rest.remove(HEADLESS)) {
      rest.removeIf(HEADLESS::equals);
      ServerHost.runHeadless(rest.toArray(String[]::new));
      return;
    }
    ConsoleOptions options = ConsoleOptions.read(args, System.getProperties(), new PrintWriter(System.out, true),
        new PrintWriter(System.err, true), System::exit);
    if (options == null) {
      return;
    }
    if (!displayAvailable(System.getenv(), System.getProperties())) {
      System.err.println("beacon: no display to open the console on (DISPLAY and WAYLAND_DISPLAY are unset).");
      System.err.println("Run the server without a window: add --headless (see --headless --help).");
      System.exit(1);
      return;
    }
    Console.launch(options);
  }

  /**
   * Whether a window can open: always on Windows and macOS; on Linux and the BSDs only with an X11
   * or Wayland display, or a headless glass platform (Monocle) chosen explicitly.
   */
  static boolean displayAvailable(java.util.Map<String, String> env, java.util.Properties props) {
    String os = props.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("win") || os.contains("mac") || props.getProperty("glass.platform") != null) {
      return true;
    }
    return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  /** Kept apart so that the headless path never loads a JavaFX class. */
  private static final class Console {
    static void launch(ConsoleOptions options) {
      Rendering.choose(System.getProperties(), java.nio.file.Path.of("/dev/dri"));
      BeaconApp.configure(options);
      BeaconApp.beginServer(options);
      javafx.application.Application.launch(BeaconApp.class);
    }
  }
}

package dev.beacon.desktop;

import dev.beacon.desktop.shell.ConsoleOptions;
import dev.beacon.desktop.shell.ServerHost;
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
    if (rest.contains("--help") || rest.contains("-h")) {
      System.out.print(ConsoleOptions.usage());
      return;
    }
    ConsoleOptions options;
    try {
      options = ConsoleOptions.parse(args, System.getProperties());
    } catch (IllegalArgumentException e) {
      System.err.println("beacon: " + e.getMessage());
      System.err.print(ConsoleOptions.usage());
      System.exit(2);
      return;
    }
    Console.launch(options);
  }

  /** Kept apart so that the headless path never loads a JavaFX class. */
  private static final class Console {
    static void launch(ConsoleOptions options) {
      BeaconApp.configure(options);
      javafx.application.Application.launch(BeaconApp.class);
    }
  }
}

package dev.beacon.desktop.shell;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.Properties;

/**
 * What the console starts its server with: the data folder and the port. {@code portChosen} says
 * whether the port was asked for (then it is used or the start fails) or is the default (then a busy
 * default falls back to a free port).
 */
public record ConsoleOptions(Path dataDir, int port, boolean portChosen, java.net.URI server) {
  /** System property that sets the data folder (the {@code --data} option wins). */
  public static final String DATA_PROPERTY = "beacon.data";
  /** System property that sets the port (the {@code --port} option wins). */
  public static final String PORT_PROPERTY = "beacon.port";

  public static final String USAGE = """
      Usage: java -jar beacon.jar [--data DIR] [--port P]     the console: a window with the server inside
             java -jar beacon.jar --server URL                 the console of a remote (headless) Beacon: sign in with its account
             java -jar beacon.jar --headless [server options]  the server without a window (--headless --help lists them)
        --data DIR   data folder: database and uploads (default %s)
        --port P     port (default %d, or a free one when it is taken; 0 picks a free one)
        --server URL a Beacon running elsewhere, e.g. http://10.0.0.5:8470 (no server starts here)
      System properties beacon.data and beacon.port set the same defaults.
      """;

  public ConsoleOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    dataDir = dataDir.toAbsolutePath().normalize();
    checkPort(port);
    if (server != null && (server.getScheme() == null || !server.getScheme().matches("https?") || server.getHost() == null)) {
      throw new IllegalArgumentException("--server needs an http:// or https:// URL, got '" + server + "'");
    }
  }

  /** The console with its own embedded server. */
  public ConsoleOptions(Path dataDir, int port, boolean portChosen) {
    this(dataDir, port, portChosen, null);
  }

  /** Whether the console talks to a server elsewhere instead of starting its own. */
  public boolean remote() {
    return server != null;
  }

  /** The defaults: the OS's per-user data folder and port 8470 (a free one when it is taken). */
  public static ConsoleOptions defaults() {
    return new ConsoleOptions(ServerHost.defaultDataDir(), ServerHost.DEFAULT_PORT, false);
  }

  /** The defaults, adjusted by the {@code beacon.data} and {@code beacon.port} system properties. */
  public static ConsoleOptions fromProperties(Properties props) {
    ConsoleOptions o = defaults();
    String data = props.getProperty(DATA_PROPERTY);
    if (data != null && !data.isBlank()) {
      o = new ConsoleOptions(Paths.get(data.trim()), o.port, o.portChosen);
    }
    String port = props.getProperty(PORT_PROPERTY);
    if (port != null && !port.isBlank()) {
      o = new ConsoleOptions(o.dataDir, parsePort(PORT_PROPERTY, port.trim()), true);
    }
    return o;
  }

  /**
   * Parses the console's command line over the system-property defaults; {@code --data DIR},
   * {@code --data=DIR}, {@code --port P}, {@code --port=P}. Throws {@link IllegalArgumentException}
   * for anything else.
   */
  public static ConsoleOptions parse(String[] args, Properties props) {
    ConsoleOptions o = fromProperties(props);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        value = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      if (!a.equals("--data") && !a.equals("--port") && !a.equals("--server")) {
        throw new IllegalArgumentException("unknown option " + a);
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        value = args[++i];
      }
      if (a.equals("--data")) {
        if (value.isBlank()) {
          throw new IllegalArgumentException("--data needs a folder");
        }
        o = new ConsoleOptions(Paths.get(value), o.port, o.portChosen, o.server);
      } else if (a.equals("--server")) {
        try {
          o = new ConsoleOptions(o.dataDir, o.port, o.portChosen, java.net.URI.create(value.trim()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--server needs an http:// or https:// URL, got '" + value + "'");
        }
      } else {
        o = new ConsoleOptions(o.dataDir, parsePort("--port", value), true, o.server);
      }
    }
    return o;
  }

  public static String usage() {
    return USAGE.formatted(ServerHost.defaultDataDir(), ServerHost.DEFAULT_PORT);
  }

  private static int parsePort(String what, String value) {
    try {
      return checkPort(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " needs a number, got '" + value + "'");
    }
  }

  private static int checkPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("the port must be between 0 and 65535, got " + port);
    }
    return port;
  }
}

package dev.beacon.desktop.shell;

import dev.beacon.api.cli.CommandLines;
import dev.beacon.api.cli.PlaceOptions;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.Properties;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * What the console starts its server with: the data folder and the port. {@code portChosen} says
 * whether the port was asked for (then it is used or the start fails) or is the default (then a busy
 * default falls back to a free port).
 */
public record ConsoleOptions(Path dataDir, int port, boolean portChosen, URI server) {
  /** System property that sets the data folder (the {@code --data} option wins). */
  public static final String DATA_PROPERTY = "beacon.data";
  /** System property that sets the port (the {@code --port} option wins). */
  public static final String PORT_PROPERTY = "beacon.port";

  public ConsoleOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    dataDir = dataDir.toAbsolutePath().normalize();
    checkPort(port);
    if (server != null && !web(server)) {
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
   * Parses the console's command line over the system-property defaults: {@code --data DIR},
   * {@code --port P}, {@code --server URL} (also written {@code --data=DIR} ...). {@code null} when
   * it only asked for {@code --help} or {@code --version} (printed on standard output).
   *
   * @throws IllegalArgumentException (a {@link CommandLines.Refused}) saying which flag is wrong and why
   */
  public static ConsoleOptions parse(String[] args, Properties props) {
    Line line = new Line();
    ParseResult r = CommandLines.read(line, args, new PrintWriter(System.out, true));
    return r == null ? null : line.options(r, props);
  }

  /**
   * The launcher's reading of the command line: the options, or {@code null} after printing help
   * or the version on {@code out} or, for a command line that cannot be used, the reason and
   * usage on {@code err} and calling {@code exit} with {@value CommandLines#USAGE}.
   */
  public static ConsoleOptions read(String[] args, Properties props, PrintWriter out, PrintWriter err, IntConsumer exit) {
    Line line = new Line();
    ParseResult r = CommandLines.readOrExit(line, args, out, err, exit);
    return r == null ? null : line.options(r, props);
  }

  /** The console's command line: the server's {@code --data} and {@code --port}, and {@code --server}. */
  @Command(name = "beacon", sortOptions = false, mixinStandardHelpOptions = true, usageHelpWidth = 120,
      versionProvider = CommandLines.BeaconVersion.class, defaultValueProvider = PlaceOptions.Defaults.class,
      customSynopsis = {
          "java -jar beacon.jar [--data DIR] [--port P]     the console: a window with the server inside",
          "       java -jar beacon.jar --server URL                 the console of a remote Beacon: sign in with its account",
          "       java -jar beacon.jar --headless [server options]  the server without a window (--headless --help lists them)"},
      footer = {"When the default port is taken, the console's server takes a free one.",
          "System properties beacon.data and beacon.port set the same defaults."})
  static final class Line {
    @Mixin
    private PlaceOptions place;

    @Option(names = "--server", paramLabel = "URL", order = 3, converter = Url.class,
        description = "a Beacon running elsewhere, e.g. http://10.0.0.5:8470 (no server starts here)")
    private URI server;

    @Option(names = "--headless", order = 4,
        description = "the server without a window; the other options are then the server's (--headless --help lists them)")
    private boolean headless;

    /** The options read: what the command line gave, else the system properties' defaults. */
    ConsoleOptions options(ParseResult r, Properties props) {
      ConsoleOptions o = fromProperties(props);
      Path data = r.hasMatchedOption("--data") ? place.data() : o.dataDir;
      boolean portChosen = r.hasMatchedOption("--port");
      return new ConsoleOptions(data, portChosen ? place.port() : o.port, portChosen || o.portChosen, server);
    }
  }

  /** {@code --server}'s value: an http:// or https:// URL. */
  static final class Url implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      try {
        URI u = URI.create(value.trim());
        if (web(u)) {
          return u;
        }
      } catch (IllegalArgumentException e) {
        // not a URL at all: refused below
      }
      throw new TypeConversionException("an http:// or https:// URL");
    }
  }

  /** An http:// or https:// URL with a host. */
  private static boolean web(URI u) {
    return u.getScheme() != null && u.getScheme().matches("https?") && u.getHost() != null;
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

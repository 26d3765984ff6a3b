package dev.beacon.api;

import dev.beacon.api.cli.CommandLines;
import dev.beacon.api.cli.PlaceOptions;
import dev.beacon.api.cli.ServerOptions;
import dev.beacon.api.core.BeaconServer;
import dev.beacon.api.core.Config;
import dev.beacon.api.core.EarlyStart;
import dev.beacon.api.core.StartupGarbage;
import dev.beacon.api.core.Version;
import java.io.PrintWriter;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code java -jar beacon-server.jar [--host H] [--port P] [--data DIR] ...}: the headless server. */
@Command(name = "beacon-server", customSynopsis = "java -jar beacon-server.jar [options]", sortOptions = false,
    mixinStandardHelpOptions = true, versionProvider = CommandLines.BeaconVersion.class,
    defaultValueProvider = PlaceOptions.Defaults.class, usageHelpWidth = 100,
    footer = "Environment: BEACON_ADMIN_ACCOUNT / BEACON_ADMIN_PASSWORD set the admin account created on first start.")
public final class Main {
  @Mixin
  private ServerOptions server;

  @Option(names = "--headless", hidden = true, description = "accepted for symmetry with the desktop launcher")
  private boolean headless;

  private Main() {}

  public static void main(String[] args) {
    // Hibernate boots while the command line is read, unless it names another database or asks for no server
    EarlyStart early = Beacon.beginStart(onH2(args, System.getenv("BEACON_DB_URL")));
    Config config = read(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System::exit);
    if (config != null) {
      run(config, early);
    } else {
      early.abandon();
    }
  }

  /**
   * Whether a command line is going to start a server on the default H2 database, guessed before it
   * is read: no {@code --db-url} (nor anything starting like it) nor {@code BEACON_DB_URL}, and no
   * help or version. A wrong guess only boots Hibernate in vain (see {@link EarlyStart}).
   */
  static boolean onH2(String[] args, String dbUrlVariable) {
    if (dbUrlVariable != null && !dbUrlVariable.isBlank()) {
      return false;
    }
    for (String a : args) {
      if (a.startsWith("--db") || a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The configuration of a command line, or {@code null} after printing help or the version on
   * {@code out} or, for a command line that cannot be used, the reason and usage on {@code err}
   * and calling {@code exit} with {@value CommandLines#USAGE}.
   */
  static Config read(String[] args, PrintWriter out, PrintWriter err, IntConsumer exit) {
    Main command = new Main();
    return CommandLines.readOrExit(command, args, out, err, exit) == null ? null : command.config();
  }

  /**
   * Parses a command line: {@code null} when it only asked for help or the version (printed on
   * standard output).
   *
   * @throws IllegalArgumentException (a {@link CommandLines.Refused}) saying which flag is wrong and why
   */
  public static Config parse(String... args) {
    Main command = new Main();
    return CommandLines.read(command, args, new PrintWriter(System.out, true)) == null ? null : command.config();
  }

  /** The options read, with the admin account from the environment. */
  private Config config() {
    return server.config().adminAccount(System.getenv("BEACON_ADMIN_ACCOUNT")).adminPassword(System.getenv("BEACON_ADMIN_PASSWORD"));
  }

  /** Starts the server, prints the "listening" line, and stops it cleanly on Ctrl-C / SIGTERM. */
  public static BeaconServer run(Config config) {
    return run(config, Beacon.beginStart(false));
  }

  /** {@link #run(Config)} with a start begun before the command line was read. */
  static BeaconServer run(Config config, EarlyStart early) {
    BeaconServer server;
    try {
      server = BeaconServer.startBlocking(config, early);
    } catch (Exception e) {
      System.err.println("beacon: cannot start: " + e.getMessage());
      System.exit(1);
      return null;
    }
    BeaconServer s = server;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        s.stopBlocking();
        System.out.println("Beacon stopped");
      } catch (Exception e) {
        System.err.println("beacon: unclean stop: " + e);
      }
    }, "beacon-shutdown"));
    System.out.println("Beacon " + Version.get() + " listening on http://" + displayHost(config.host()) + ":" + server.port()
        + " (data: " + config.dataDir() + ")");
    server.timeline().report(config.verbose());
    System.out.flush();
    StartupGarbage.collectSoon();
    return server;
  }

  static String displayHost(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}

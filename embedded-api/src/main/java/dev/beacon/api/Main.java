package dev.beacon.api;

import dev.beacon.api.cli.CommandLines;
import dev.beacon.api.cli.PlaceOptions;
import dev.beacon.api.cli.ServerOptions;
import dev.beacon.api.core.BeaconServer;
import dev.beacon.api.core.Config;
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
    Config config = read(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System::exit);
    if (config != null) {
      run(config);
    }
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
    BeaconServer server;
    try {
      server = Beacon.startBlocking(config);
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

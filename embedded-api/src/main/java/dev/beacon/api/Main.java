package dev.beacon.api;

import dev.beacon.api.core.BeaconServer;
import dev.beacon.api.core.Config;
import dev.beacon.api.core.Version;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code java -jar beacon-server.jar [--host H] [--port P] [--data DIR] ...}: the headless server. */
public final class Main {
  private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s*([kKmMgG]?)(?:i?[bB])?");

  private Main() {}

  static final String USAGE = """
      Usage: java -jar beacon-server.jar [options]
        --host H              address to bind (default 127.0.0.1; 0.0.0.0 for every interface)
        --port P              port (default %d; 0 picks a free one)
        --data DIR            data folder: database and uploads (default %s)
        --db-url URL          a JDBC URL instead of the H2 file in the data folder (e.g. PostgreSQL)
        --db-user U           database user (or BEACON_DB_USER)
        --db-password P       database password (or BEACON_DB_PASSWORD)
        --upload-limit SIZE   largest file an upload may carry: bytes, or with K, M or G (default 2G)
        --self-registration   let anyone register a developer account (off by default)
        --error-retention-days N
                              keep raw error events N days; issues and counts stay (default %d; 0 keeps all)
        --error-rate N        error events per second per app key (default %s; 0 switches the limit off)
        --error-burst N       error events an app key may send at once (default %d)
        --heartbeat-queue N   heartbeats that may wait for their commit before 429 (default %d)
        --client-rate-per-ip N
                              requests per second per client address on the public client routes
                              (heartbeat, version check, upgrade checks, error reports; default %s; 0: off)
        --client-burst-per-ip N
                              requests an address may send at once before that rate applies (default %d)
        --client-rate-per-key N
                              requests per second per app key on the same routes (default %s; 0: off)
        --client-burst-per-key N
                              requests an app key may send at once (default %d)
        --trust-proxy         take the client address from the last X-Forwarded-For entry (only
                              behind a reverse proxy that sets it; off by default)
        --max-connections N   open connections at most; more are closed at once (default %d; 0: no limit)
        --request-head-timeout S
                              seconds a connection has to send a request's line and headers (default %d)
        --idle-timeout S      seconds without a byte either way before a connection is closed (default %d)
        --version             print the version and exit
        --help                print this and exit
      Environment: BEACON_ADMIN_ACCOUNT / BEACON_ADMIN_PASSWORD set the admin account created on first start.
      """;

  public static void main(String[] args) {
    Config config;
    try {
      config = parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("beacon: " + e.getMessage());
      System.err.print(usage());
      System.exit(2);
      return;
    }
    if (config == null) {
      return;
    }
    run(config);
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
    System.out.flush();
    return server;
  }

  static String displayHost(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  static String usage() {
    return USAGE.formatted(Config.DEFAULT_PORT, Config.defaultDataDir(), Config.DEFAULT_ERROR_RETENTION.toDays(),
        (long) Config.DEFAULT_ERROR_RATE, Config.DEFAULT_ERROR_BURST,
        Config.DEFAULT_HEARTBEAT_QUEUE,
        (long) Config.DEFAULT_CLIENT_RATE_PER_IP, Config.DEFAULT_CLIENT_BURST_PER_IP,
        (long) Config.DEFAULT_CLIENT_RATE_PER_KEY, Config.DEFAULT_CLIENT_BURST_PER_KEY,
        Config.DEFAULT_MAX_CONNECTIONS, Config.DEFAULT_REQUEST_HEAD_TIMEOUT.toSeconds(), Config.DEFAULT_IDLE_TIMEOUT.toSeconds());
  }

  /** Parses the command line; {@code null} when it only asked for help or the version. */
  public static Config parse(String[] args, Map<String, String> env) {
    Config c = Config.defaults();
    c.adminAccount(env.get("BEACON_ADMIN_ACCOUNT"));
    c.adminPassword(env.get("BEACON_ADMIN_PASSWORD"));
    c.dbUrl(env.get("BEACON_DB_URL"));
    c.dbUser(env.get("BEACON_DB_USER"));
    c.dbPassword(env.get("BEACON_DB_PASSWORD"));
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        value = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      switch (a) {
        case "--help", "-h" -> {
          System.out.print(usage());
          return null;
        }
        case "--version" -> {
          System.out.println("Beacon " + Version.get());
          return null;
        }
        case "--self-registration" -> c.selfRegistration(true);
        case "--trust-proxy" -> c.trustProxy(true);
        case "--headless" -> { } // accepted for symmetry with the desktop launcher
        case "--host", "--port", "--data", "--db-url", "--db-user", "--db-password", "--upload-limit",
            "--error-retention-days", "--error-rate", "--error-burst", "--heartbeat-queue",
            "--client-rate-per-ip", "--client-burst-per-ip", "--client-rate-per-key", "--client-burst-per-key",
            "--max-connections", "--request-head-timeout", "--idle-timeout" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException(a + " needs a value");
            }
            value = args[++i];
          }
          apply(c, a, value);
        }
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return c;
  }

  /** A size in bytes written as digits with an optional K, M or G (binary units), e.g. 500M. */
  static long size(String option, String value) {
    Matcher m = SIZE.matcher(value.trim());
    int shift = !m.matches() ? -1 : switch (m.group(2).toUpperCase(Locale.ROOT)) {
      case "K" -> 10;
      case "M" -> 20;
      case "G" -> 30;
      default -> 0;
    };
    long n = shift < 0 ? 0 : Long.parseLong(m.group(1));
    if (n < 1 || n > Long.MAX_VALUE >> shift) {
      throw new IllegalArgumentException(option + " needs a size like 2147483648, 500M or 2G, got '" + value + "'");
    }
    return n << shift;
  }

  private static int whole(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
    }
  }

  private static double decimal(String option, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
    }
  }

  private static void apply(Config c, String option, String value) {
    switch (option) {
      case "--host" -> c.host(value);
      case "--port" -> c.port(whole(option, value));
      case "--error-retention-days" -> {
        int days = whole(option, value);
        if (days < 0) {
          throw new IllegalArgumentException("--error-retention-days must be 0 (keep every event) or more, got " + days);
        }
        c.errorRetention(Duration.ofDays(days));
      }
      case "--error-rate" -> c.errorRate(decimal(option, value));
      case "--error-burst" -> c.errorBurst(whole(option, value));
      case "--heartbeat-queue" -> c.heartbeatQueue(whole(option, value));
      case "--client-rate-per-ip" -> c.clientRatePerIp(decimal(option, value));
      case "--client-burst-per-ip" -> c.clientBurstPerIp(whole(option, value));
      case "--client-rate-per-key" -> c.clientRatePerKey(decimal(option, value));
      case "--client-burst-per-key" -> c.clientBurstPerKey(whole(option, value));
      case "--max-connections" -> c.maxConnections(whole(option, value));
      case "--request-head-timeout" -> c.requestHeadTimeout(Duration.ofSeconds(whole(option, value)));
      case "--idle-timeout" -> c.idleTimeout(Duration.ofSeconds(whole(option, value)));
      case "--data" -> c.dataDir(Paths.get(value));
      case "--db-url" -> c.dbUrl(value);
      case "--db-user" -> c.dbUser(value);
      case "--db-password" -> c.dbPassword(value);
      case "--upload-limit" -> c.uploadLimit(size(option, value));
      default -> throw new IllegalArgumentException("unknown option " + option);
    }
  }
}

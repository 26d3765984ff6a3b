package dev.beacon.api.cli;

import dev.beacon.api.core.Config;
import java.time.Duration;
import java.util.function.Consumer;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The server's options, each declared once with its help text, default and environment variable,
 * applied to a {@link Config} as they are read. A picocli mixin: the server's command line is these
 * options, and the console's {@code --headless} mode hands its arguments to that command line.
 * {@code --data} and {@code --port} are the {@link PlaceOptions} the console reads too.
 */
public final class ServerOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Mixin
  private PlaceOptions place;

  private final Config config = Config.defaults();

  /** The configuration read, with the data folder and port. */
  public Config config() {
    return config.dataDir(place.data()).port(place.port());
  }

  @Option(names = "--host", paramLabel = "H", order = 0, defaultValue = Config.DEFAULT_HOST,
      description = "address to bind (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
  void host(String h) {
    config.host(h);
  }

  @Option(names = "--db-url", paramLabel = "URL", order = 3, defaultValue = "${env:BEACON_DB_URL}", showDefaultValue = Help.Visibility.NEVER,
      description = "a JDBC URL instead of the H2 file in the data folder, e.g. PostgreSQL (or BEACON_DB_URL)")
  void dbUrl(String url) {
    config.dbUrl(url);
  }

  @Option(names = "--db-user", paramLabel = "U", order = 4, defaultValue = "${env:BEACON_DB_USER}", showDefaultValue = Help.Visibility.NEVER,
      description = "database user (or BEACON_DB_USER)")
  void dbUser(String user) {
    config.dbUser(user);
  }

  @Option(names = "--db-password", paramLabel = "P", order = 5, defaultValue = "${env:BEACON_DB_PASSWORD}",
      showDefaultValue = Help.Visibility.NEVER, description = "database password (or BEACON_DB_PASSWORD)")
  void dbPassword(String password) {
    config.dbPassword(password);
  }

  @Option(names = "--files", paramLabel = "DIR", order = 6,
      description = "folder of the hosted files instead of DATA/files: one that every instance reaches when several "
          + "serve one PostgreSQL database (a shared or network folder)")
  void files(String dir) {
    if (dir.isBlank()) {
      throw CommandLines.refused(spec.commandLine(), "--files", dir, "--files needs a folder");
    }
    config.filesDir(java.nio.file.Paths.get(dir));
  }

  @Option(names = "--upload-limit", paramLabel = "SIZE", order = 6, converter = CommandLines.Size.class,
      description = "largest file an upload may carry: bytes, or with K, M or G (default 2G)")
  void uploadLimit(long bytes) {
    config.uploadLimit(bytes);
  }

  @Option(names = "--attachment-limit", paramLabel = "SIZE", order = 6, converter = CommandLines.Size.class,
      description = "largest attachment (log file, minidump) a Sentry envelope may carry: bytes, or with K, M or G (default 20M)")
  void attachmentLimit(long bytes) {
    config.attachmentLimit(bytes);
  }

  @Option(names = "--self-registration", order = 7, description = "let anyone register a developer account (off by default)")
  void selfRegistration(boolean on) {
    config.selfRegistration(on);
  }

  @Option(names = "--error-retention-days", paramLabel = "N", order = 8, converter = CommandLines.Whole.class,
      defaultValue = "" + Config.DEFAULT_ERROR_RETENTION_DAYS,
      description = "keep raw error events N days; issues and counts stay (default ${DEFAULT-VALUE}; 0 keeps all)")
  void errorRetentionDays(int days) {
    if (days < 0) {
      throw CommandLines.refused(spec.commandLine(), "--error-retention-days", Integer.toString(days),
          "--error-retention-days must be 0 (keep every event) or more, got " + days);
    }
    config.errorRetention(Duration.ofDays(days));
  }

  @Option(names = "--error-rate", paramLabel = "N", order = 9, converter = CommandLines.Decimal.class,
      defaultValue = "" + (long) Config.DEFAULT_ERROR_RATE,
      description = "error events per second per app key (default ${DEFAULT-VALUE}; 0 switches the limit off)")
  void errorRate(double perSecond) {
    apply("--error-rate", perSecond, config::errorRate);
  }

  @Option(names = "--error-burst", paramLabel = "N", order = 10, converter = CommandLines.Whole.class,
      defaultValue = "" + Config.DEFAULT_ERROR_BURST, description = "error events an app key may send at once (default ${DEFAULT-VALUE})")
  void errorBurst(int n) {
    apply("--error-burst", n, config::errorBurst);
  }

  @Option(names = "--heartbeat-queue", paramLabel = "N", order = 11, converter = CommandLines.Whole.class,
      defaultValue = "" + Config.DEFAULT_HEARTBEAT_QUEUE, description = "heartbeats that may wait for their commit before 429 (default ${DEFAULT-VALUE})")
  void heartbeatQueue(int n) {
    apply("--heartbeat-queue", n, config::heartbeatQueue);
  }

  @Option(names = "--client-rate-per-ip", paramLabel = "N", order = 12, converter = CommandLines.Decimal.class,
      defaultValue = "" + (long) Config.DEFAULT_CLIENT_RATE_PER_IP,
      description = "requests per second per client address on the public client routes (heartbeat, version check, "
          + "upgrade checks, error reports; default ${DEFAULT-VALUE}; 0: off)")
  void clientRatePerIp(double perSecond) {
    apply("--client-rate-per-ip", perSecond, config::clientRatePerIp);
  }

  @Option(names = "--client-burst-per-ip", paramLabel = "N", order = 13, converter = CommandLines.Whole.class,
      defaultValue = "" + Config.DEFAULT_CLIENT_BURST_PER_IP,
      description = "requests an address may send at once before that rate applies (default ${DEFAULT-VALUE})")
  void clientBurstPerIp(int n) {
    apply("--client-burst-per-ip", n, config::clientBurstPerIp);
  }

  @Option(names = "--client-rate-per-key", paramLabel = "N", order = 14, converter = CommandLines.Decimal.class,
      defaultValue = "" + (long) Config.DEFAULT_CLIENT_RATE_PER_KEY,
      description = "requests per second per app key on the same routes (default ${DEFAULT-VALUE}; 0: off)")
  void clientRatePerKey(double perSecond) {
    apply("--client-rate-per-key", perSecond, config::clientRatePerKey);
  }

  @Option(names = "--client-burst-per-key", paramLabel = "N", order = 15, converter = CommandLines.Whole.class,
      defaultValue = "" + Config.DEFAULT_CLIENT_BURST_PER_KEY, description = "requests an app key may send at once (default ${DEFAULT-VALUE})")
  void clientBurstPerKey(int n) {
    apply("--client-burst-per-key", n, config::clientBurstPerKey);
  }

  @Option(names = "--trust-proxy", order = 16,
      description = "take the client address from the last X-Forwarded-For entry (only behind a reverse proxy that sets it; off by default)")
  void trustProxy(boolean on) {
    config.trustProxy(on);
  }

  @Option(names = "--max-connections", paramLabel = "N", order = 17, converter = CommandLines.Whole.class,
      defaultValue = "" + Config.DEFAULT_MAX_CONNECTIONS,
      description = "open connections at most; more are closed at once (default ${DEFAULT-VALUE}; 0: no limit)")
  void maxConnections(int n) {
    apply("--max-connections", n, config::maxConnections);
  }

  @Option(names = "--request-head-timeout", paramLabel = "S", order = 18, converter = CommandLines.Whole.class,
      defaultValue = "" + Config.DEFAULT_REQUEST_HEAD_TIMEOUT_SECONDS,
      description = "seconds a connection has to send a request's line and headers (default ${DEFAULT-VALUE})")
  void requestHeadTimeout(int seconds) {
    apply("--request-head-timeout", Duration.ofSeconds(seconds), config::requestHeadTimeout);
  }

  @Option(names = "--idle-timeout", paramLabel = "S", order = 19, converter = CommandLines.Whole.class,
      defaultValue = "" + Config.DEFAULT_IDLE_TIMEOUT_SECONDS,
      description = "seconds without a byte either way before a connection is closed (default ${DEFAULT-VALUE})")
  void idleTimeout(int seconds) {
    apply("--idle-timeout", Duration.ofSeconds(seconds), config::idleTimeout);
  }

  @Option(names = "--verbose", order = 20, description = "print where the start-up's time went, phase by phase, after the listening line")
  void verbose(boolean on) {
    config.verbose(on);
  }

  /** Sets a value the {@link Config} checks; its refusal (e.g. out of range) names the option. */
  private <T> void apply(String option, T value, Consumer<T> setter) {
    try {
      setter.accept(value);
    } catch (IllegalArgumentException e) {
      throw CommandLines.refused(spec.commandLine(), option, String.valueOf(value), e.getMessage());
    }
  }
}

package dev.beacon.api.core;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;

/** What a Beacon server is started with. Mutable while being built; read-only once started. */
public final class Config {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8470;
  public static final int DEFAULT_JSON_BODY_LIMIT = 1024 * 1024;
  public static final long DEFAULT_UPLOAD_LIMIT = 2L * 1024 * 1024 * 1024;
  public static final long DEFAULT_ATTACHMENT_LIMIT = 20L * 1024 * 1024;
  public static final int DEFAULT_ERROR_BODY_LIMIT = 16 * 1024 * 1024;
  public static final int DEFAULT_ERROR_RETENTION_DAYS = 90;
  public static final Duration DEFAULT_ERROR_RETENTION = Duration.ofDays(DEFAULT_ERROR_RETENTION_DAYS);
  public static final double DEFAULT_ERROR_RATE = 50;
  public static final int DEFAULT_ERROR_BURST = 200;
  public static final int DEFAULT_HEARTBEAT_QUEUE = 20_000;
  // client and connection limits: see the README's "Limits" for why these values
  public static final double DEFAULT_CLIENT_RATE_PER_IP = 20;
  public static final int DEFAULT_CLIENT_BURST_PER_IP = 300;
  public static final double DEFAULT_CLIENT_RATE_PER_KEY = 200;
  public static final int DEFAULT_CLIENT_BURST_PER_KEY = 3000;
  public static final int DEFAULT_MAX_CONNECTIONS = 2000;
  public static final int DEFAULT_REQUEST_HEAD_TIMEOUT_SECONDS = 10;
  public static final Duration DEFAULT_REQUEST_HEAD_TIMEOUT = Duration.ofSeconds(DEFAULT_REQUEST_HEAD_TIMEOUT_SECONDS);
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 60;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(DEFAULT_IDLE_TIMEOUT_SECONDS);

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private Path dataDir = defaultDataDir();
  private Path filesDir;
  private String dbUrl;
  private String dbUser;
  private String dbPassword;
  private String adminAccount;
  private String adminPassword;
  private boolean selfRegistration;
  private int jsonBodyLimit = DEFAULT_JSON_BODY_LIMIT;
  private long uploadLimit = DEFAULT_UPLOAD_LIMIT;
  private long attachmentLimit = DEFAULT_ATTACHMENT_LIMIT;
  private Duration tokenTtl = Duration.ofDays(30);
  private int dbPoolSize = 8;
  private boolean quiet;
  private boolean verbose;
  private boolean validateSchema;
  private int errorBodyLimit = DEFAULT_ERROR_BODY_LIMIT;
  private Duration errorRetention = DEFAULT_ERROR_RETENTION;
  private Duration errorRetentionSweep = Duration.ofHours(1);
  private double errorRate = DEFAULT_ERROR_RATE;
  private int errorBurst = DEFAULT_ERROR_BURST;
  private int heartbeatQueue = DEFAULT_HEARTBEAT_QUEUE;
  private java.time.Clock clock = java.time.Clock.systemUTC();
  private double clientRatePerIp = DEFAULT_CLIENT_RATE_PER_IP;
  private int clientBurstPerIp = DEFAULT_CLIENT_BURST_PER_IP;
  private double clientRatePerKey = DEFAULT_CLIENT_RATE_PER_KEY;
  private int clientBurstPerKey = DEFAULT_CLIENT_BURST_PER_KEY;
  private boolean trustProxy;
  private int maxConnections = DEFAULT_MAX_CONNECTIONS;
  private Duration requestHeadTimeout = DEFAULT_REQUEST_HEAD_TIMEOUT;
  private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;

  public static Config defaults() {
    return new Config();
  }

  /** The per-user data folder of the OS: XDG on Linux, Application Support on macOS, LOCALAPPDATA on Windows. */
  public static Path defaultDataDir() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String home = System.getProperty("user.home", ".");
    if (os.contains("win")) {
      String local = System.getenv("LOCALAPPDATA");
      return Paths.get(local != null ? local : home, "Beacon");
    }
    if (os.contains("mac")) {
      return Paths.get(home, "Library", "Application Support", "Beacon");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(home, ".local", "share")).resolve("beacon");
  }

  public String host() { return host; }
  public int port() { return port; }
  public Path dataDir() { return dataDir; }
  /**
   * Where hosted files live when given ({@code --files}: a folder every instance reaches), or
   * {@code null}: in the data folder ({@link DataFolder#path(Config)}).
   */
  public Path filesDir() { return filesDir; }
  public String dbUrl() { return dbUrl; }
  public String dbUser() { return dbUser; }
  public String dbPassword() { return dbPassword; }
  public String adminAccount() { return adminAccount; }
  public String adminPassword() { return adminPassword; }
  public boolean selfRegistration() { return selfRegistration; }
  public int jsonBodyLimit() { return jsonBodyLimit; }
  /** The largest file an upload may carry, in bytes. */
  public long uploadLimit() { return uploadLimit; }
  /** The largest attachment (log file, minidump) a Sentry envelope may carry, in bytes. */
  public long attachmentLimit() { return attachmentLimit; }
  public Duration tokenTtl() { return tokenTtl; }
  public int dbPoolSize() { return dbPoolSize; }
  public boolean quiet() { return quiet; }
  /** Whether to print the start-up timeline after the "listening" line. */
  public boolean verbose() { return verbose; }
  /**
   * Whether Hibernate compares every mapped table with the database at start. Off by default: the
   * schema is Flyway's, and its version proves it; {@code SchemaValidationTest} checks that the
   * migrations and the entities agree.
   */
  public boolean validateSchema() { return validateSchema; }
  /** The body limit of the two error ingest routes (long stacks), above {@link #jsonBodyLimit()}. */
  public int errorBodyLimit() { return errorBodyLimit; }
  /** How long raw error events are kept; issues and their counts stay. Zero keeps them forever. */
  public Duration errorRetention() { return errorRetention; }
  /** How often the retention sweep runs. */
  public Duration errorRetentionSweep() { return errorRetentionSweep; }
  /** Error events per second and app key on the ingest routes; 0 switches the limit off. */
  public double errorRate() { return errorRate; }
  /** How many error events an app key may send at once before the rate applies. */
  public int errorBurst() { return errorBurst; }
  /** How many heartbeats may wait for their commit; one more is answered 429 with Retry-After. */
  public int heartbeatQueue() { return heartbeatQueue; }
  /** The server's clock (tests set it to build histories on chosen days). */
  public java.time.Clock clock() { return clock; }
  /** Requests per second per client address on the public client routes; 0 switches the limit off. */
  public double clientRatePerIp() { return clientRatePerIp; }
  public int clientBurstPerIp() { return clientBurstPerIp; }
  /** Requests per second per app key on the public client routes; 0 switches the limit off. */
  public double clientRatePerKey() { return clientRatePerKey; }
  public int clientBurstPerKey() { return clientBurstPerKey; }
  /** Whether the client address is the last entry of X-Forwarded-For (behind a reverse proxy) rather than the peer's. */
  public boolean trustProxy() { return trustProxy; }
  /** Open connections at most; new ones beyond it are closed at once. 0 means no limit. */
  public int maxConnections() { return maxConnections; }
  /** How long a connection may take to deliver a request's line and headers. */
  public Duration requestHeadTimeout() { return requestHeadTimeout; }
  /** A connection that sends and receives nothing this long is closed (also a stalled body). */
  public Duration idleTimeout() { return idleTimeout; }

  public Config host(String v) { host = v; return this; }
  public Config port(int v) {
    if (v < 0 || v > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + v);
    }
    port = v;
    return this;
  }
  public Config dataDir(Path v) { dataDir = v.toAbsolutePath(); return this; }
  public Config filesDir(Path v) { filesDir = v == null ? null : v.toAbsolutePath(); return this; }
  public Config dbUrl(String v) { dbUrl = v; return this; }
  public Config dbUser(String v) { dbUser = v; return this; }
  public Config dbPassword(String v) { dbPassword = v; return this; }
  public Config adminAccount(String v) { adminAccount = v; return this; }
  public Config adminPassword(String v) { adminPassword = v; return this; }
  public Config selfRegistration(boolean v) { selfRegistration = v; return this; }
  public Config jsonBodyLimit(int v) { jsonBodyLimit = v; return this; }
  public Config uploadLimit(long v) {
    if (v < 1) {
      throw new IllegalArgumentException("the upload limit must be at least 1 byte, got " + v);
    }
    uploadLimit = v;
    return this;
  }
  public Config attachmentLimit(long v) {
    if (v < 1) {
      throw new IllegalArgumentException("the attachment limit must be at least 1 byte, got " + v);
    }
    attachmentLimit = v;
    return this;
  }
  public Config tokenTtl(Duration v) { tokenTtl = v; return this; }
  public Config dbPoolSize(int v) { dbPoolSize = v; return this; }
  /** Whether to keep the one-time admin password off standard output (tests). */
  public Config quiet(boolean v) { quiet = v; return this; }
  public Config verbose(boolean v) { verbose = v; return this; }
  public Config validateSchema(boolean v) { validateSchema = v; return this; }
  public Config errorBodyLimit(int v) { errorBodyLimit = v; return this; }
  public Config errorRetention(Duration v) {
    if (v.isNegative()) {
      throw new IllegalArgumentException("the error retention cannot be negative, got " + v);
    }
    errorRetention = v;
    return this;
  }
  public Config errorRetentionSweep(Duration v) {
    if (v.isNegative() || v.isZero()) {
      throw new IllegalArgumentException("the retention sweep interval must be positive, got " + v);
    }
    errorRetentionSweep = v;
    return this;
  }
  public Config errorRate(double v) {
    if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("the error rate must be 0 (no limit) or more events per second, got " + v);
    }
    errorRate = v;
    return this;
  }
  public Config errorBurst(int v) {
    if (v < 1) {
      throw new IllegalArgumentException("the error burst must be at least 1, got " + v);
    }
    errorBurst = v;
    return this;
  }
  public Config heartbeatQueue(int v) {
    if (v < 1) {
      throw new IllegalArgumentException("the heartbeat queue must hold at least 1, got " + v);
    }
    heartbeatQueue = v;
    return this;
  }
  public Config clock(java.time.Clock v) { clock = java.util.Objects.requireNonNull(v, "clock"); return this; }

  public Config clientRatePerIp(double v) { clientRatePerIp = rate("client rate per address", v); return this; }
  public Config clientBurstPerIp(int v) { clientBurstPerIp = burst("client burst per address", v); return this; }
  public Config clientRatePerKey(double v) { clientRatePerKey = rate("client rate per app key", v); return this; }
  public Config clientBurstPerKey(int v) { clientBurstPerKey = burst("client burst per app key", v); return this; }
  public Config trustProxy(boolean v) { trustProxy = v; return this; }
  public Config maxConnections(int v) {
    if (v < 0) {
      throw new IllegalArgumentException("the connection limit must be 0 (no limit) or more, got " + v);
    }
    maxConnections = v;
    return this;
  }
  public Config requestHeadTimeout(Duration v) { requestHeadTimeout = positive("request head timeout", v); return this; }
  public Config idleTimeout(Duration v) { idleTimeout = positive("idle timeout", v); return this; }

  private static double rate(String what, double v) {
    if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("the " + what + " must be 0 (no limit) or more requests per second, got " + v);
    }
    return v;
  }

  private static int burst(String what, int v) {
    if (v < 1) {
      throw new IllegalArgumentException("the " + what + " must be at least 1, got " + v);
    }
    return v;
  }

  private static Duration positive(String what, Duration v) {
    if (v.isNegative() || v.isZero()) {
      throw new IllegalArgumentException("the " + what + " must be positive, got " + v);
    }
    return v;
  }

  /**
   * The JDBC URL: the one given, or an H2 file database in the data folder. H2 writes a commit to
   * its file at once ({@code WRITE_DELAY=0}; its default waits up to 500 ms), so that what the
   * server acknowledged survives the process being killed. On a clean stop it spends up to 3 s
   * ({@code MAX_COMPACT_TIME}; its default is 0.2 s) moving live pages together and giving the
   * rest of the file back: H2 writes every change to new space, and after a busy day the file can
   * be many times its data (a benchmark run: 510 MiB for 22 MiB of data, 63 MiB after such a stop).
   */
  public String effectiveDbUrl() {
    if (dbUrl != null && !dbUrl.isBlank()) {
      return dbUrl;
    }
    return "jdbc:h2:file:" + dataDir.resolve("db").resolve("beacon").toString().replace('\\', '/')
        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_COMPACT_TIME=3000";
  }

  public boolean isH2() {
    return effectiveDbUrl().startsWith("jdbc:h2:");
  }
}

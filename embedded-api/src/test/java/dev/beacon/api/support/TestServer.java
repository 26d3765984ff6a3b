package dev.beacon.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.Beacon;
import dev.beacon.api.core.BeaconServer;
import dev.beacon.api.core.Config;
import dev.beacon.api.core.Feature;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The real Beacon server for a test: port 0, a fresh H2 file database in a temp folder (or a fresh
 * PostgreSQL database, see {@link TestDatabase}), a known admin password. {@link #restart()} starts a new server on the same data folder.
 */
public final class TestServer implements AutoCloseable {
  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "admin-test-password";
  /** The password of every developer {@link #newDeveloper()} registers. */
  public static final String DEVELOPER_PASSWORD = "developer-password";
  private static final Supplier<List<Feature>> STANDARD = Beacon::features;

  private final Path dataDir;
  private final boolean ownsDir;
  private final Consumer<Config> tweak;
  private final Supplier<List<Feature>> features;
  /** Whether this server runs Beacon's features, so that openapi.yaml describes it (else its clients are unchecked). */
  private final boolean described;
  private final TestDatabase database;
  /** Whether this server created its database (and drops it when closed), or shares another's ({@link #alongside}). */
  private final boolean ownsDatabase;
  private BeaconServer server;
  private Api admin;

  private TestServer(Path dataDir, boolean ownsDir, Consumer<Config> tweak, Supplier<List<Feature>> features) throws Exception {
    this(dataDir, ownsDir, tweak, features, null);
  }

  private TestServer(Path dataDir, boolean ownsDir, Consumer<Config> tweak, Supplier<List<Feature>> features,
      TestDatabase shared) throws Exception {
    this(dataDir, ownsDir, tweak, features, shared != null ? shared : TestDatabase.create(), shared == null);
  }

  private TestServer(Path dataDir, boolean ownsDir, Consumer<Config> tweak, Supplier<List<Feature>> features,
      TestDatabase database, boolean ownsDatabase) throws Exception {
    this.dataDir = dataDir;
    this.ownsDir = ownsDir;
    this.tweak = tweak;
    this.features = features;
    this.described = features == STANDARD;
    this.ownsDatabase = ownsDatabase;
    this.database = database;
    try {
      boot();
    } catch (Exception | Error e) {
      if (ownsDatabase) {
        database.close();
      }
      if (ownsDir) {
        deleteTree(dataDir);
      }
      throw e;
    }
  }

  public static TestServer start() throws Exception {
    return start(c -> { });
  }

  /** Starts with a fresh data folder, letting the test adjust the config. */
  public static TestServer start(Consumer<Config> tweak) throws Exception {
    return new TestServer(Files.createTempDirectory("beacon-test-"), true, tweak, STANDARD);
  }

  /** Starts on a clock the test moves, with tokens that outlive its moves and no client rate limits. */
  public static TestServer startClocked(MutableClock clock) throws Exception {
    return start(c -> c.clock(clock).tokenTtl(Duration.ofDays(3650)).clientRatePerIp(0).clientRatePerKey(0));
  }

  /** Starts with a fresh data folder and these features instead of the standard ones. */
  public static TestServer startWith(List<Feature> features) throws Exception {
    return new TestServer(Files.createTempDirectory("beacon-test-"), true, c -> { }, () -> features);
  }

  /** Starts on an existing data folder (e.g. a restored backup), deleting it when closed. */
  public static TestServer startIn(Path dataDir) throws Exception {
    return new TestServer(dataDir, true, c -> { }, STANDARD);
  }

  /** Rows a test puts into a database of an older schema, over JDBC. */
  @FunctionalInterface
  public interface Seed {
    void insert(Connection c) throws Exception;
  }

  /**
   * An upgrade: a fresh database (H2 in a fresh data folder, or PostgreSQL) migrated up to schema
   * {@code version} only, holding the rows {@code seed} inserts, then the server of today started on
   * it, which migrates the rest.
   */
  public static TestServer upgrading(String version, Seed seed) throws Exception {
    Path dataDir = Files.createTempDirectory("beacon-upgrade-");
    TestDatabase database = TestDatabase.create();
    try {
      database.migrateTo(dataDir, version);
      try (Connection c = database.connect(dataDir)) {
        seed.insert(c);
      }
    } catch (Exception | Error e) {
      database.close();
      deleteTree(dataDir);
      throw e;
    }
    return new TestServer(dataDir, true, c -> { }, STANDARD, database, true);
  }

  /**
   * Another server on this one's database (PostgreSQL: a second instance joining it), with a data
   * folder of its own and the same config tweak; close it before this one, which drops the database.
   */
  public TestServer alongside() throws Exception {
    return alongside(c -> { });
  }

  /** {@link #alongside()}, adjusting the second server's config after this one's tweak. */
  public TestServer alongside(Consumer<Config> more) throws Exception {
    return new TestServer(Files.createTempDirectory("beacon-test-"), true, tweak.andThen(more), features, database);
  }

  private void boot() throws Exception {
    Config c = Config.defaults().host("127.0.0.1").port(0).dataDir(dataDir)
        .adminAccount(ADMIN).adminPassword(ADMIN_PASSWORD).quiet(true);
    database.apply(c);
    tweak.accept(c);
    server = BeaconServer.startBlocking(c, features.get());
    admin = null;
  }

  /** Stops the server and starts a new one on the same data folder. */
  public TestServer restart() throws Exception {
    return restart(() -> { });
  }

  /** Work done while the server is stopped. */
  @FunctionalInterface
  public interface Offline {
    void run() throws Exception;
  }

  /** Stops the server, runs {@code offline} (e.g. to leave files as a crash would), and starts a new one on the same data folder. */
  public TestServer restart(Offline offline) throws Exception {
    server.stopBlocking();
    offline.run();
    boot();
    return this;
  }

  public BeaconServer server() {
    return server;
  }

  public Path dataDir() {
    return dataDir;
  }

  public int port() {
    return server.port();
  }

  public String base() {
    return "http://127.0.0.1:" + port();
  }

  /** A client without credentials. */
  public Api anonymous() {
    return client(null, null);
  }

  /** A client checked against openapi.yaml when this server runs Beacon's features. */
  private Api client(String openId, String token) {
    Api api = new Api(base(), openId, token);
    return described ? api : api.unchecked();
  }

  /** A client signed in as the admin. */
  public Api admin() {
    if (admin == null) {
      admin = login(ADMIN, ADMIN_PASSWORD);
    }
    return admin;
  }

  /** Signs in and returns a client carrying the token. */
  public Api login(String account, String password) {
    Resp r = anonymous().post("/v1/auth/login", new JsonObject().put("account", account).put("password", password));
    assertEquals(200, r.status(), () -> "login failed: " + r);
    return client(r.json().getString("openId"), r.json().getString("token"));
  }

  /** Registers a new developer (as the admin) with a random email and signs in as them. */
  public Api newDeveloper() {
    String email = "dev-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String password = DEVELOPER_PASSWORD;
    Resp r = admin().post("/v1/auth/register",
        new JsonObject().put("type", "email").put("account", email).put("password", password));
    assertEquals(200, r.status(), () -> "register failed: " + r);
    return login(email, password);
  }

  @Override
  public void close() throws Exception {
    try {
      server.stopBlocking();
    } finally {
      if (ownsDatabase) {
        database.close();
      }
      if (ownsDir) {
        deleteTree(dataDir);
      }
    }
  }

  /** Deletes a folder and all in it (nothing if it is not there). */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

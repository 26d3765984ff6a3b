package dev.beacon.api.support;

import dev.beacon.api.core.Config;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * The database a test server runs on. By default the server's own H2 file in its data folder
 * (nothing to do here). With {@code -Dbeacon.test.db=postgresql} each test server gets a fresh
 * PostgreSQL database, created on start and dropped on close, on the server named by
 * {@code -Dbeacon.test.pg.url} (default {@code jdbc:postgresql://127.0.0.1:5432/}),
 * {@code -Dbeacon.test.pg.user} and {@code -Dbeacon.test.pg.password} (default {@code beacon} /
 * {@code beacon}; the role needs CREATEDB).
 */
public final class TestDatabase implements AutoCloseable {
  private final String adminUrl;
  private final String user;
  private final String password;
  private final String name;

  private TestDatabase(String adminUrl, String user, String password, String name) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
    this.name = name;
  }

  /** Whether the tests run against PostgreSQL ({@code -Dbeacon.test.db=postgresql}). */
  public static boolean postgres() {
    return "postgresql".equalsIgnoreCase(System.getProperty("beacon.test.db", "h2").trim());
  }

  /** A fresh database for one test server: a new PostgreSQL database, or nothing for H2. */
  public static TestDatabase create() throws SQLException {
    if (!postgres()) {
      return new TestDatabase(null, null, null, null);
    }
    String url = System.getProperty("beacon.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
    if (!url.endsWith("/")) {
      url = url + "/";
    }
    String user = System.getProperty("beacon.test.pg.user", "beacon");
    String password = System.getProperty("beacon.test.pg.password", "beacon");
    String name = "beacon_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    TestDatabase db = new TestDatabase(url, user, password, name);
    db.execute("CREATE DATABASE " + name);
    return db;
  }

  /** Points the server's config at this database (nothing for H2: its file is in the data folder). */
  public void apply(Config c) {
    if (name != null) {
      c.dbUrl(adminUrl + name).dbUser(user).dbPassword(password);
    }
  }

  /**
   * Runs Beacon's migrations up to schema {@code version} only, leaving this database as a Beacon
   * of that version did (for H2 the file in {@code dataDir}, where a server on that folder finds
   * it), so that a test can put in rows of that schema before a server of today upgrades it.
   */
  public void migrateTo(Path dataDir, String version) {
    Config c = config(dataDir);
    Flyway.configure().dataSource(c.effectiveDbUrl(), c.dbUser(), c.dbPassword()).locations("classpath:db/migration")
        // as the server migrates (core's Db): the one column type the two databases spell differently
        .placeholders(Map.of("binary", c.isH2() ? "VARBINARY(1000000000)" : "BYTEA"))
        .target(version).load().migrate();
  }

  /** A JDBC connection to this database (for H2 the file in {@code dataDir}); close it before a server starts on it. */
  public Connection connect(Path dataDir) throws SQLException {
    Config c = config(dataDir);
    return DriverManager.getConnection(c.effectiveDbUrl(), c.dbUser(), c.dbPassword());
  }

  /** The config a server on {@code dataDir} and this database has, as far as the database goes. */
  private Config config(Path dataDir) {
    Config c = Config.defaults().dataDir(dataDir);
    apply(c);
    return c;
  }

  @Override
  public void close() {
    if (name == null) {
      return;
    }
    try {
      execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("could not drop the test database " + name + ": " + e.getMessage());
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl + "postgres", user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}

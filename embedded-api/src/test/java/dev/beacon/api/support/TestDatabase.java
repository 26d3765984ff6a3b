package dev.beacon.api.support;

import dev.beacon.api.core.Config;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

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

package dev.beacon.api.core;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * One Beacon per PostgreSQL database: a session-level advisory lock, taken on a connection of its
 * own (not the pool's) before anything is migrated or read, and held for the life of the server.
 * A clean stop closes that connection; PostgreSQL ends the lock itself when the connection dies
 * with its process, so a crashed instance leaves nothing behind. The holder writes who it is into
 * {@code beacon_instance} so that the one refused can name it. H2 needs none of this: its file
 * lock keeps a second process out of the data folder ({@link Db}).
 */
final class InstanceLock implements AutoCloseable {
  /**
   * The lock's key: "Beacon" in ASCII, then 1. Every advisory lock of a database shares one key
   * space; the lock is the database's, whatever schema the server uses.
   */
  static final long KEY = 0x426561636F6E0001L;

  private final Connection connection;

  private InstanceLock(Connection connection) {
    this.connection = connection;
  }

  /**
   * Takes the database's lock, or fails saying which Beacon holds it and what to do.
   *
   * @throws IllegalStateException when another Beacon serves the database
   */
  static InstanceLock take(Config config) throws SQLException {
    Properties props = new Properties();
    if (config.dbUser() != null) {
      props.setProperty("user", config.dbUser());
    }
    if (config.dbPassword() != null) {
      props.setProperty("password", config.dbPassword());
    }
    props.setProperty("ApplicationName", "Beacon (instance lock)");
    Connection c = DriverManager.getConnection(config.effectiveDbUrl(), props);
    try {
      keepAlive(c);
      try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        st.setLong(1, KEY);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) {
            throw new IllegalStateException(refusal(c));
          }
        }
      }
      return new InstanceLock(c);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /**
   * The lock lasts as long as its connection: the server must not end it for being idle (its
   * {@code idle_session_timeout}), and should notice within minutes when this host is gone without
   * closing it (the kernel's keepalive default waits two hours).
   */
  private static void keepAlive(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("SET tcp_keepalives_idle = 60");
      st.execute("SET tcp_keepalives_interval = 10");
      st.execute("SET tcp_keepalives_count = 6");
      if (c.getMetaData().getDatabaseMajorVersion() >= 14) {
        st.execute("SET idle_session_timeout = 0");
      }
    }
  }

  /** What a refused instance says: who holds the database (when it has written itself down), and what to do. */
  private static String refusal(Connection c) {
    String who = "another Beacon";
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT host, data_folder, pid, started_at FROM beacon_instance WHERE id = 1")) {
      if (rs.next()) {
        Instant since = rs.getTimestamp("started_at").toInstant().truncatedTo(ChronoUnit.SECONDS);
        who = "another Beacon (host " + rs.getString("host") + ", pid " + rs.getLong("pid")
            + ", data folder " + rs.getString("data_folder") + ", since " + since + ")";
      }
    } catch (SQLException e) {
      // no such table yet: the holder is still migrating the schema, and has not written itself down
    }
    return who + " is serving this database; stop it, or give this one its own database with --db-url"
        + " (several instances on one database are not supported yet)";
  }

  /** Writes this instance down as the holder; call it once the schema has its table. */
  void record(Config config) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(
        "INSERT INTO beacon_instance (id, host, data_folder, pid, started_at) VALUES (1, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET host = EXCLUDED.host, data_folder = EXCLUDED.data_folder,"
            + " pid = EXCLUDED.pid, started_at = EXCLUDED.started_at")) {
      st.setString(1, hostName());
      st.setString(2, config.dataDir().toString());
      st.setLong(3, ProcessHandle.current().pid());
      st.setTimestamp(4, Timestamp.from(Instant.now()));
      st.executeUpdate();
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      String env = System.getenv("HOSTNAME");
      return env != null && !env.isBlank() ? env : "unknown";
    }
  }

  /** Rubs this instance out as the holder and ends the lock with its connection. */
  @Override
  public void close() {
    try (connection; Statement st = connection.createStatement()) {
      st.executeUpdate("DELETE FROM beacon_instance WHERE id = 1");
    } catch (SQLException e) {
      // the connection is already gone, and the lock with it
    }
  }
}

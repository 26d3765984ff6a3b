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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The Beacons serving one PostgreSQL database. Any number may: each writes itself into
 * {@code beacon_member} (host, data folder, pid, since when) once the schema is migrated, renews
 * its {@code last_seen} every {@link #RENEW_SECONDS} seconds ({@link Db} runs that off the event
 * loop), and rubs itself out on a clean stop; a member not seen for {@link #GONE_SECONDS} seconds
 * is a dead one, and the next member to renew removes it.
 *
 * <p>Each member also holds the database's advisory lock in shared mode, on a connection of its
 * own, for its whole life. A Beacon from before several instances were supported takes that lock
 * exclusively: so the two never serve one database together (the older one, which would count
 * wrong, is refused, or refuses this one naming itself). PostgreSQL ends the lock with the
 * connection, so a crashed instance leaves nothing behind. H2 needs none of this: its file lock
 * keeps a second process out of the data folder ({@link Db}).
 */
final class Membership implements AutoCloseable {
  /**
   * The lock's key: "Beacon" in ASCII, then 1. Every advisory lock of a database shares one key
   * space; the lock is the database's, whatever schema the server uses.
   */
  static final long KEY = 0x426561636F6E0001L;
  /** How often a member says it is still there. */
  static final int RENEW_SECONDS = 5;
  /** How long a member that stopped saying so is still counted (it crashed, or lost the database). */
  static final int GONE_SECONDS = 60;

  private final Connection connection;
  private final String id;

  private Membership(Connection connection, String id) {
    this.connection = connection;
    this.id = id;
  }

  /**
   * Takes the database's lock in shared mode, or fails when an older Beacon, which serves a
   * database alone, holds it.
   *
   * @throws IllegalStateException when an older Beacon serves the database
   */
  static Membership take(Config config) throws SQLException {
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
      try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock_shared(?)")) {
        st.setLong(1, KEY);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) {
            throw new IllegalStateException(refusal(c));
          }
        }
      }
      return new Membership(c, UUID.randomUUID().toString());
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

  /** What a refused instance says: which older Beacon holds the database (when it wrote itself down), and what to do. */
  private static String refusal(Connection c) {
    String who = "an older Beacon";
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT host, data_folder, pid, started_at FROM beacon_instance WHERE id = 1")) {
      if (rs.next()) {
        Instant since = rs.getTimestamp("started_at").toInstant().truncatedTo(ChronoUnit.SECONDS);
        who = "an older Beacon (host " + rs.getString("host") + ", pid " + rs.getLong("pid")
            + ", data folder " + rs.getString("data_folder") + ", since " + since + ")";
      }
    } catch (SQLException e) {
      // no such table: the holder did not write itself down
    }
    return who + " is serving this database alone; stop it (or upgrade it) before starting this one,"
        + " or give this one its own database with --db-url";
  }

  /** This member's id (a lease's holder, a claim's owner). */
  String id() {
    return id;
  }

  /** Writes this instance down as a member; call it once the schema has its table. */
  void join(DataSource ds, Config config) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement st = c.prepareStatement("INSERT INTO beacon_member (id, host, data_folder, pid, started_at, last_seen)"
            + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
      st.setString(1, id);
      st.setString(2, hostName());
      st.setString(3, config.dataDir().toAbsolutePath().toString());
      st.setLong(4, ProcessHandle.current().pid());
      st.executeUpdate();
    }
  }

  /**
   * Says this member is still there (writing itself down again if a member took it for dead), and
   * removes the members not seen for {@link #GONE_SECONDS} seconds. Blocking.
   */
  void renew(DataSource ds, Config config) throws SQLException {
    int seen;
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement st = c.prepareStatement("UPDATE beacon_member SET last_seen = CURRENT_TIMESTAMP WHERE id = ?")) {
        st.setString(1, id);
        seen = st.executeUpdate();
      }
      try (Statement st = c.createStatement()) {
        st.executeUpdate("DELETE FROM beacon_member WHERE last_seen < CURRENT_TIMESTAMP - INTERVAL '" + GONE_SECONDS + "' SECOND");
      }
    }
    if (seen == 0) {
      join(ds, config);
    }
  }

  /** The members now serving the database, the longest-serving first. Blocking. */
  static List<Member> list(DataSource ds) throws SQLException {
    List<Member> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, host, data_folder, pid, started_at, last_seen FROM beacon_member"
            + " WHERE last_seen >= CURRENT_TIMESTAMP - INTERVAL '" + GONE_SECONDS + "' SECOND ORDER BY started_at, id")) {
      while (rs.next()) {
        out.add(new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))));
      }
    }
    return out;
  }

  private static Instant instant(Timestamp t) {
    return t.toInstant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      String env = System.getenv("HOSTNAME");
      return env != null && !env.isBlank() ? env : "unknown";
    }
  }

  /** Rubs this instance out as a member and ends its share of the lock with its connection. */
  @Override
  public void close() {
    try (connection; PreparedStatement st = connection.prepareStatement("DELETE FROM beacon_member WHERE id = ?")) {
      st.setString(1, id);
      st.executeUpdate();
    } catch (SQLException e) {
      // the connection is already gone, and the lock with it; the others remove the row once it is stale
    }
  }
}

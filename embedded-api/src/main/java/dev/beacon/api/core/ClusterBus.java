package dev.beacon.api.core;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other Beacons on the same PostgreSQL database what changed, so that they drop what
 * they keep in memory of it: PostgreSQL's {@code LISTEN/NOTIFY} on the channel {@value #CHANNEL}.
 * Core knows no feature: a message is a topic (a string a feature chooses, e.g. {@code "apps"})
 * and a payload (e.g. an app id). Each server listens on a connection of its own, on a thread of
 * its own that runs the subscribers (they must be quick: drop an entry). A message published
 * inside a transaction is delivered when it commits and never if it rolls back; PostgreSQL
 * delivers it to every listener within milliseconds, and each instance but the publisher (which
 * knows) runs its subscribers.
 *
 * <p>When the listening connection dies, messages may be missed until it is back: the listener
 * connects again (every second until it can), then tells every subscriber to drop everything it
 * keeps. On H2 one process serves the database: publishing does nothing and no message comes.
 */
public final class ClusterBus implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterBus.class);
  static final String CHANNEL = "beacon_cluster";
  /** The listener's connection's {@code application_name} (to find it in {@code pg_stat_activity}). */
  static final String APPLICATION_NAME = "Beacon (cluster bus)";
  private static final int WAIT_MS = 500;
  private static final long PING_NANOS = 10_000_000_000L;

  /** What a subscriber does with a message, and when messages may have been missed. */
  private record Subscriber(Consumer<String> onMessage, Runnable onMissed) {}

  private final DataSource pool;
  private final Config config;
  /** This instance's id: the first word of what it publishes, so that it skips its own messages. */
  private final String self;
  private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private volatile Connection listening;
  private final Thread listener;

  private ClusterBus(DataSource pool, Config config, String self, boolean listen) throws SQLException {
    this.pool = pool;
    this.config = config;
    this.self = self;
    if (listen) {
      listening = connect();
      listener = new Thread(this::listen, "beacon-cluster-bus");
      listener.setDaemon(true);
      listener.start();
    } else {
      listener = null;
    }
  }

  /** The bus of a PostgreSQL database for the instance {@code self}: listening from now on. Blocking. */
  static ClusterBus listen(DataSource pool, Config config, String self) throws SQLException {
    return new ClusterBus(pool, config, self, true);
  }

  /** H2's: one process, nothing to tell. */
  static ClusterBus none() {
    try {
      return new ClusterBus(null, null, null, false);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code onMessage} with the payload of every message of {@code topic}, and
   * {@code onMissed} when messages may have been missed (drop everything then). The handle
   * returned unsubscribes.
   */
  public Runnable subscribe(String topic, Consumer<String> onMessage, Runnable onMissed) {
    Subscriber s = new Subscriber(onMessage, onMissed);
    subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(s);
    return () -> subscribers.getOrDefault(topic, List.of()).remove(s);
  }

  /**
   * Publishes inside the caller's transaction on {@code c}: delivered when it commits, never if it
   * rolls back. Blocking.
   */
  public void publish(Connection c, String topic, String payload) throws SQLException {
    if (pool == null) {
      return;
    }
    try (PreparedStatement st = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      st.setString(1, CHANNEL);
      st.setString(2, self + " " + topic + " " + payload);
      st.execute();
    }
  }

  /** Publishes now, on a connection of the pool (after the change committed). Blocking. */
  public void publish(String topic, String payload) {
    if (pool == null) {
      return;
    }
    try (Connection c = pool.getConnection()) {
      publish(c, topic, payload);
    } catch (SQLException e) {
      LOG.warn("could not tell the other instances of {} {}: {}", topic, payload, e.toString());
    }
  }

  private Connection connect() throws SQLException {
    Properties props = new Properties();
    if (config.dbUser() != null) {
      props.setProperty("user", config.dbUser());
    }
    if (config.dbPassword() != null) {
      props.setProperty("password", config.dbPassword());
    }
    props.setProperty("ApplicationName", APPLICATION_NAME);
    props.setProperty("tcpKeepAlive", "true");
    Connection c = DriverManager.getConnection(config.effectiveDbUrl(), props);
    try (Statement st = c.createStatement()) {
      st.execute("LISTEN " + CHANNEL);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** The listener thread: waits for messages, pings when idle, connects again when the connection died. */
  private void listen() {
    long quietSince = System.nanoTime();
    while (!closed) {
      try {
        Connection c = listening;
        if (c == null) {
          c = connect();
          listening = c;
          LOG.info("listening to the other instances again; dropping what was cached, changes may have been missed");
          missed();
        }
        PGNotification[] got = c.unwrap(PGConnection.class).getNotifications(WAIT_MS);
        if (got != null && got.length > 0) {
          for (PGNotification n : got) {
            deliver(n.getParameter());
          }
          quietSince = System.nanoTime();
        } else if (System.nanoTime() - quietSince > PING_NANOS) {
          // a connection that died quietly is found out by using it
          try (Statement st = c.createStatement()) {
            st.execute("SELECT 1");
          }
          quietSince = System.nanoTime();
        }
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          return;
        }
        Connection dead = listening;
        listening = null;
        if (dead != null) {
          LOG.warn("lost the connection listening to the other instances ({}); connecting again", e.toString());
          try {
            dead.close();
          } catch (SQLException ignored) {
            // it is gone already
          }
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** Runs the subscribers of a message {@code "<sender> <topic> <payload>"}, unless this instance sent it. */
  private void deliver(String message) {
    String[] parts = message.split(" ", 3);
    if (parts.length < 3 || parts[0].equals(self)) {
      return;
    }
    String topic = parts[1];
    String payload = parts[2];
    for (Subscriber s : subscribers.getOrDefault(topic, List.of())) {
      try {
        s.onMessage().accept(payload);
      } catch (RuntimeException e) {
        LOG.warn("a subscriber of {} failed on {}: {}", topic, payload, e.toString());
      }
    }
  }

  private void missed() {
    subscribers.values().forEach(list -> list.forEach(s -> {
      try {
        s.onMissed().run();
      } catch (RuntimeException e) {
        LOG.warn("a subscriber failed to drop its cache: {}", e.toString());
      }
    }));
  }

  @Override
  public void close() {
    closed = true;
    Connection c = listening;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // already gone
      }
    }
    if (listener != null) {
      listener.interrupt();
    }
  }
}

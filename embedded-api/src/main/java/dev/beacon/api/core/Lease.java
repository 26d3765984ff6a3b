package dev.beacon.api.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named lease in the database ({@code beacon_lease}): of all the Beacons serving a PostgreSQL
 * database, at most one holds it at a time, so a scheduled job that checks {@link #held()} before
 * each run is run by one instance. The holder renews it every {@link #RENEW} (on the database's
 * cluster thread, never an event loop); a holder that stops renewing (it died, or lost the
 * database) loses it {@link #EXPIRE} after its last renewal, and another instance takes it at its
 * next try. The server releases its leases when it stops ({@link Db#close()}), so that another
 * takes them within one renewal. On H2 one process serves the database and {@link #held()} is
 * always true.
 *
 * <p>Times are the database's clock ({@code CURRENT_TIMESTAMP}), so the instances' clocks need not
 * agree. The holder counts its own hold as ended one renewal before the database would, so that
 * two instances never both believe they hold it.
 */
public final class Lease implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Lease.class);
  /** How often the holder renews, and the others try to take it. */
  public static final Duration RENEW = Duration.ofSeconds(5);
  /** How long after its holder's last renewal a lease is free. */
  public static final Duration EXPIRE = Duration.ofSeconds(30);

  private final Db db;
  private final String name;
  private final String holder;
  private final Duration expire;
  /** {@link System#nanoTime()} until which this instance holds the lease; 0 when it does not. */
  private volatile long heldUntilNanos;
  private volatile boolean closed;
  private final ScheduledFuture<?> renewal;

  private Lease(Db db, String name, String holder, Duration renew, Duration expire, boolean first) {
    this.db = db;
    this.name = name;
    this.holder = holder;
    this.expire = expire;
    if (first) {
      tryTake(renew);
    }
    this.renewal = db.cluster().scheduleWithFixedDelay(() -> tryTake(renew), first ? renew.toMillis() : 0,
        renew.toMillis(), TimeUnit.MILLISECONDS);
    db.closeFirst(this);
  }

  /**
   * Starts taking and renewing the named lease for this server. Called off the event loop (a
   * feature's {@code start}), it makes its first try before answering, so the first instance to
   * start holds it at once; on an event loop, that try is made on the cluster thread.
   */
  public static Lease start(ServerContext sc, String name) {
    return start(sc.db(), name, RENEW, EXPIRE);
  }

  /** {@link #start(ServerContext, String)} with other times (tests). */
  static Lease start(Db db, String name, Duration renew, Duration expire) {
    if (db.isH2()) {
      return new Lease(name);
    }
    return new Lease(db, name, db.instanceId(), renew, expire, !io.vertx.core.Context.isOnEventLoopThread());
  }

  /** {@link #start(Db, String, Duration, Duration)} as a given holder, on any database (tests of the SQL on H2 too). */
  static Lease startAs(Db db, String name, String holder, Duration renew, Duration expire) {
    return new Lease(db, name, holder, renew, expire, true);
  }

  /** H2's: always held, nothing in the database. */
  private Lease(String name) {
    this.db = null;
    this.name = name;
    this.holder = null;
    this.expire = null;
    this.heldUntilNanos = Long.MAX_VALUE;
    this.renewal = null;
  }

  public String name() {
    return name;
  }

  /** Whether this instance holds the lease now (always on H2); false once closed. */
  public boolean held() {
    long until = heldUntilNanos;
    return !closed && until != 0 && (until == Long.MAX_VALUE || System.nanoTime() - until < 0);
  }

  /** Takes the lease when it is free or expired, renews it when this instance holds it. */
  private void tryTake(Duration renew) {
    if (closed) {
      return;
    }
    long asked = System.nanoTime();
    boolean was = held();
    try {
      boolean got = db.inJdbcTx(this::take);
      // counted from before the statement ran, less one renewal: never longer than the database's hold
      heldUntilNanos = got ? asked + expire.minus(renew).toNanos() : 0;
      if (got != was) {
        LOG.info("lease {} {} by this instance", name, got ? "taken" : "lost");
      }
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        heldUntilNanos = 0; // another instance inserted it first
      } else if (!closed) {
        LOG.warn("lease {}: could not renew ({}); held until it expires", name, e.toString());
      }
    } catch (RuntimeException e) {
      if (!closed) {
        LOG.warn("lease {}: could not renew ({}); held until it expires", name, e.toString());
      }
    }
  }

  private boolean take(Connection c) throws SQLException {
    String until = "CURRENT_TIMESTAMP + INTERVAL '" + expire.toMillis() / 1000.0 + "' SECOND";
    try (PreparedStatement st = c.prepareStatement("UPDATE beacon_lease SET holder = ?, held_until = " + until
        + " WHERE name = ? AND (holder = ? OR held_until < CURRENT_TIMESTAMP)")) {
      st.setString(1, holder);
      st.setString(2, name);
      st.setString(3, holder);
      if (st.executeUpdate() == 1) {
        return true;
      }
    }
    // no row yet: the first to insert it holds it (a concurrent insert fails on the key, and waits for the next try)
    try (PreparedStatement st = c.prepareStatement("INSERT INTO beacon_lease (name, holder, held_until) SELECT ?, ?, " + until
        + " FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS (SELECT 1 FROM beacon_lease WHERE name = ?)")) {
      st.setString(1, name);
      st.setString(2, holder);
      st.setString(3, name);
      return st.executeUpdate() == 1;
    }
  }

  /** Stops renewing without releasing, as a crash would (tests). */
  void stopRenewing() {
    renewal.cancel(false);
    db.forget(this);
  }

  /** Stops renewing and releases the lease when this instance holds it (blocking: off the event loop). */
  @Override
  public void close() {
    if (db == null || closed) {
      closed = true;
      return;
    }
    closed = true;
    renewal.cancel(false);
    db.forget(this);
    try {
      db.inJdbcTx(c -> {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM beacon_lease WHERE name = ? AND holder = ?")) {
          st.setString(1, name);
          st.setString(2, holder);
          return st.executeUpdate();
        }
      });
    } catch (SQLException | RuntimeException e) {
      LOG.warn("lease {}: could not release ({}); it expires by itself", name, e.toString());
    }
    heldUntilNanos = 0;
  }
}

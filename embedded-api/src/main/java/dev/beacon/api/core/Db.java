package dev.beacon.api.core;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The database: a Hikari pool, Flyway migrations, then Hibernate on top (schema never
 * generated). All work runs on the "db" worker pool, never on an event loop. On PostgreSQL any
 * number of servers may serve one database: each is a {@link Membership member} from before the
 * migrations until it closes, and its leases and membership are renewed on a thread of
 * its own ({@link #cluster()}). An H2 file is locked by the one process that opened it.
 */
public final class Db implements AutoCloseable {
  static {
    // H2 keeps a cache of recent values and interns every string it is handed through it, which
    // hashes each whole stack and event detail a second time on the database thread: with it off,
    // that thread spent about a fifth less per stored error event (IngestBench's envelopes, README).
    // The cache only saves memory for values repeated in results, which Beacon does not depend on.
    // Read once, when H2 first loads; -Dh2.objectCache=true keeps it.
    if (System.getProperty("h2.objectCache") == null) {
      System.setProperty("h2.objectCache", "false");
    }
  }

  private final HikariDataSource dataSource;
  /** Hibernate's boot, which may still run when the database is open (see {@link #sessionFactory()}). */
  private final HibernateBoot hibernate;
  private volatile SessionFactory sessions;
  /** What waits for Hibernate's boot ({@link #whenHibernateBooted}). */
  private final List<Consumer<SessionFactory>> whenBooted = new ArrayList<>();
  private final WorkerExecutor worker;
  private final boolean h2;
  /** This server's membership of the PostgreSQL database; {@code null} on H2. */
  private final Membership membership;
  private final String instanceId;
  private final Config config;
  /** What must end before the database closes (the leases this server holds, so others take them over). */
  private final List<AutoCloseable> closeFirst = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService cluster;
  private final ClusterBus bus;
  private final java.time.Instant openedAt = java.time.Instant.now();

  private Db(HikariDataSource dataSource, HibernateBoot hibernate, WorkerExecutor worker, Config config, Membership membership,
      ClusterBus bus) {
    this.dataSource = dataSource;
    this.bus = bus;
    this.hibernate = hibernate;
    this.worker = worker;
    this.h2 = config.isH2();
    this.config = config;
    this.membership = membership;
    this.instanceId = membership != null ? membership.id() : java.util.UUID.randomUUID().toString();
    if (membership != null) {
      cluster().scheduleWithFixedDelay(this::renewMembership, Membership.RENEW_SECONDS, Membership.RENEW_SECONDS, TimeUnit.SECONDS);
    }
  }

  /**
   * Opens the pool and migrates the schema, with Hibernate's boot begun by the caller; it may still
   * be booting when this returns: plain JDBC work can go on meanwhile, Hibernate work waits for it
   * ({@link #awaitHibernate()}). Blocking: call it off the event loop.
   *
   * @throws IllegalStateException when another Beacon serves the database (or, on H2, uses the
   *     data folder), saying which and what to do; nothing has been changed then
   */
  static Db open(Vertx vertx, Config config, HibernateBoot hibernate, StartupTimeline timeline) throws Exception {
    if (config.isH2()) {
      Files.createDirectories(config.dataDir().resolve("db"));
      // a new data folder (its own file, not a configured URL) starts from the migrated template
      boolean fromTemplate = (config.dbUrl() == null || config.dbUrl().isBlank())
          && DbTemplate.copyTo(config.dataDir().resolve("db").resolve("beacon.mv.db"));
      if (fromTemplate) {
        timeline.mark("a new data folder: the migrated template copied");
      }
      return open(vertx, config, hibernate, null, timeline, fromTemplate);
    }
    Membership membership = Membership.take(config);
    try {
      return open(vertx, config, hibernate, membership, timeline, false);
    } catch (Exception | Error e) {
      membership.close();
      throw e;
    }
  }

  private static Db open(Vertx vertx, Config config, HibernateBoot hibernate, Membership membership, StartupTimeline timeline,
      boolean fromTemplate) throws Exception {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.effectiveDbUrl());
    if (config.dbUser() != null) {
      hc.setUsername(config.dbUser());
    }
    if (config.dbPassword() != null) {
      hc.setPassword(config.dbPassword());
    }
    hc.setMaximumPoolSize(config.dbPoolSize());
    // connections open as work needs them (Hikari keeps the maximum open from the start by
    // default); the ones beyond this close again after 10 idle minutes
    hc.setMinimumIdle(Math.min(2, config.dbPoolSize()));
    hc.setPoolName("beacon-db");
    HikariDataSource ds;
    try {
      ds = pool(hc, config);
    } catch (RuntimeException | Error e) {
      hibernate.poolFailed(e);
      hibernate.discard();
      throw e;
    }
    // Hibernate boots (begun before on H2) while Flyway migrates; to validate the schema, after
    hibernate.poolOpen(ds);
    timeline.mark("database pool, first connection");
    try {
      boolean migrated = migrate(ds, config, fromTemplate);
      if (membership != null) {
        membership.join(ds, config);
        logMembers(ds, membership);
      }
      timeline.mark((migrated ? "Flyway migrations" : "schema already this build's (Flyway not needed)")
          + (config.validateSchema() ? "" : " (Hibernate booting alongside)"));
      if (config.validateSchema()) {
        hibernate.get(); // a schema that does not match the entities fails the start here
        timeline.mark("Hibernate boot and schema validation");
      }
      ClusterBus bus = membership != null ? ClusterBus.listen(ds, config, membership.id()) : ClusterBus.none();
      WorkerExecutor worker = vertx.createSharedWorkerExecutor("beacon-db", config.dbPoolSize());
      return new Db(ds, hibernate, worker, config, membership, bus);
    } catch (Exception | Error e) {
      hibernate.discard();
      ds.close();
      throw e;
    }
  }

  /**
   * Flyway's migrations, unless the database's history is exactly this build's ({@link SchemaStamp});
   * a template copy that does not match them is emptied and migrated from scratch. Says whether
   * Flyway ran.
   */
  static boolean migrate(DataSource ds, Config config, boolean fromTemplate) throws SQLException {
    if (SchemaStamp.current(ds)) {
      return false;
    }
    Flyway flyway = DbTemplate.flyway(ds, config.isH2());
    try {
      flyway.migrate();
    } catch (FlywayException e) {
      if (!fromTemplate) {
        throw e;
      }
      org.slf4j.LoggerFactory.getLogger(Db.class).warn("the database template does not match the migrations ({}); migrating from scratch",
          e.getMessage());
      DbTemplate.empty(ds);
      flyway.migrate();
    }
    return true;
  }

  /**
   * The pool, with its first connection open. H2 refuses a second process the file another one
   * has open ("Database may be already in use"): that says which data folder, and what to do.
   */
  private static HikariDataSource pool(HikariConfig hc, Config config) {
    try {
      return new HikariDataSource(hc);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (config.isH2() && t instanceof SQLException s && s.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
          throw new IllegalStateException("another Beacon is using the data folder " + config.dataDir()
              + "; stop it, or give this one its own data folder with --data", e);
        }
      }
      throw e;
    }
  }

  /** Says which instances serve the database, this one among them. */
  private static void logMembers(HikariDataSource ds, Membership membership) throws SQLException {
    List<Member> members = Membership.list(ds);
    org.slf4j.LoggerFactory.getLogger(Db.class).info("serving the database with {} instance(s): {}", members.size(),
        String.join("; ", members.stream().map(m -> (m.id().equals(membership.id()) ? "this one, " : "") + m.describe()).toList()));
  }

  private void renewMembership() {
    try {
      membership.renew(dataSource, config);
    } catch (SQLException | RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(Db.class).warn("could not renew this instance's membership: {}", e.toString());
    }
  }

  /**
   * The Beacons serving this database now, the longest-serving first: on H2 this one alone.
   * Blocking.
   */
  public List<Member> members() throws SQLException {
    if (membership == null) {
      return List.of(new Member(instanceId, "localhost", config.dataDir().toAbsolutePath().toString(),
          ProcessHandle.current().pid(), openedAt, java.time.Instant.now()));
    }
    return Membership.list(dataSource);
  }

  /** This server's id among the instances (a lease's holder, a claim's owner); random per start. */
  public String instanceId() {
    return instanceId;
  }

  /** The thread that renews this server's membership and leases (and runs other cluster upkeep). */
  synchronized ScheduledExecutorService cluster() {
    if (cluster == null) {
      cluster = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "beacon-cluster");
        t.setDaemon(true);
        return t;
      });
    }
    return cluster;
  }

  /** What tells the other instances on this database what changed (a no-op on H2). */
  public ClusterBus bus() {
    return bus;
  }

  /** Has {@code c} closed first when the database closes. */
  void closeFirst(AutoCloseable c) {
    closeFirst.add(c);
  }

  /** Forgets {@code c} (it closed by itself). */
  void forget(AutoCloseable c) {
    closeFirst.remove(c);
  }

  /** Runs {@code work} in a transaction on the db worker pool. */
  public <T> Future<T> tx(Function<Session, T> work) {
    return worker.executeBlocking(() -> sessionFactory().fromTransaction(work), false);
  }

  /** Runs any blocking work on the db worker pool (e.g. password hashing between two transactions). */
  public <T> Future<T> blocking(java.util.concurrent.Callable<T> work) {
    return worker.executeBlocking(work, false);
  }

  /** Runs plain JDBC work on the db worker pool, with auto-commit off and a commit at the end. */
  public <T> Future<T> jdbc(SqlWork<T> work) {
    return worker.executeBlocking(() -> inJdbcTx(work), false);
  }

  /** Runs plain JDBC work on the calling thread; for code already off the event loop. */
  public <T> T inJdbcTx(SqlWork<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Runs {@code work} in a transaction on the calling thread; for code already off the event loop. */
  public <T> T inTx(Function<Session, T> work) {
    return sessionFactory().fromTransaction(work);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Hibernate's session factory of this database (for what registers with it, such as event listeners). */
  public SessionFactory sessionFactory() {
    SessionFactory sf = sessions;
    if (sf == null) {
      try {
        sf = awaitHibernate();
      } catch (Exception e) {
        throw new IllegalStateException("Hibernate did not boot", e);
      }
    }
    return sf;
  }

  /**
   * Waits until Hibernate has booted (it may still be booting when {@link #open(Vertx, Config,
   * HibernateBoot, StartupTimeline)} returns, while the features start); throws what its boot threw.
   */
  SessionFactory awaitHibernate() throws Exception {
    SessionFactory sf = hibernate.get();
    synchronized (this) {
      if (sessions == null) {
        whenBooted.forEach(w -> w.accept(sf));
        whenBooted.clear();
        sessions = sf;
      }
    }
    return sf;
  }

  /**
   * Runs {@code work} with the session factory once Hibernate has booted (at once when it has): for
   * what must be registered with Hibernate before the server takes requests (event listeners), by a
   * feature that starts while Hibernate still boots. Must be quick.
   */
  public synchronized void whenHibernateBooted(Consumer<SessionFactory> work) {
    if (sessions != null) {
      work.accept(sessions);
    } else {
      whenBooted.add(work);
    }
  }

  public boolean isH2() {
    return h2;
  }

  /** Work on a JDBC connection. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  @Override
  public void close() {
    // the leases go first, so that another instance takes them over within one renewal
    for (AutoCloseable c : List.copyOf(closeFirst)) {
      try {
        c.close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(Db.class).warn("could not close {} before the database: {}", c, e.toString());
      }
    }
    synchronized (this) {
      if (cluster != null) {
        cluster.shutdownNow();
      }
    }
    bus.close();
    worker.close();
    if (sessions != null) {
      sessions.close();
    } else {
      hibernate.discard();
    }
    if (h2) {
      try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
        st.execute("SHUTDOWN");
      } catch (SQLException e) {
        // already closed or closing; the pool close below releases the rest
      }
    }
    dataSource.close();
    if (membership != null) {
      membership.close();
    }
  }
}

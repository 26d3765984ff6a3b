package dev.beacon.api.core;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * The database: a Hikari pool, Flyway migrations, then Hibernate on top (schema never
 * generated). All work runs on the "db" worker pool, never on an event loop. One server serves a
 * database: on PostgreSQL it holds the database's {@link InstanceLock} from before the migrations
 * until it closes; an H2 file is locked by the one process that opened it.
 */
public final class Db implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final SessionFactory sessions;
  private final WorkerExecutor worker;
  private final boolean h2;
  /** The PostgreSQL database's lock; {@code null} on H2. */
  private final InstanceLock lock;

  private Db(HikariDataSource dataSource, SessionFactory sessions, WorkerExecutor worker, boolean h2, InstanceLock lock) {
    this.dataSource = dataSource;
    this.sessions = sessions;
    this.worker = worker;
    this.h2 = h2;
    this.lock = lock;
  }

  /**
   * Opens the pool, migrates the schema and boots Hibernate. Blocking: call it off the event loop.
   *
   * @throws IllegalStateException when another Beacon serves the database (or, on H2, uses the
   *     data folder), saying which and what to do; nothing has been changed then
   */
  public static Db open(Vertx vertx, Config config, List<Class<?>> entities) throws Exception {
    return open(vertx, config, entities, new StartupTimeline());
  }

  /** {@link #open(Vertx, Config, List)}, marking its phases on {@code timeline}. */
  public static Db open(Vertx vertx, Config config, List<Class<?>> entities, StartupTimeline timeline) throws Exception {
    if (config.isH2()) {
      Files.createDirectories(config.dataDir().resolve("db"));
      return open(vertx, config, entities, null, timeline);
    }
    InstanceLock lock = InstanceLock.take(config);
    try {
      return open(vertx, config, entities, lock, timeline);
    } catch (Exception | Error e) {
      lock.close();
      throw e;
    }
  }

  private static Db open(Vertx vertx, Config config, List<Class<?>> entities, InstanceLock lock, StartupTimeline timeline)
      throws Exception {
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
    HikariDataSource ds = pool(hc, config);
    timeline.mark("database pool, first connection");
    // Hibernate boots (mostly class loading and metamodel building) while Flyway migrates: it only
    // reads the connection's metadata, unless it is to validate the schema, which must be migrated first
    FutureTask<SessionFactory> hibernate = new FutureTask<>(() -> sessions(ds, config, entities));
    if (!config.validateSchema()) {
      Thread boot = new Thread(hibernate, "beacon-hibernate-boot");
      boot.setDaemon(true);
      boot.start();
    }
    try {
      Flyway.configure().dataSource(ds).locations("classpath:db/migration")
          // the one column type the two databases spell differently
          .placeholders(java.util.Map.of("binary", config.isH2() ? "VARBINARY(1000000000)" : "BYTEA"))
          .load().migrate();
      if (lock != null) {
        lock.record(config);
      }
      timeline.mark("Flyway migrations" + (config.validateSchema() ? "" : " (Hibernate booting alongside)"));
      if (config.validateSchema()) {
        hibernate.run();
      }
      SessionFactory sf = booted(hibernate);
      timeline.mark("Hibernate boot" + (config.validateSchema() ? " and schema validation" : ", the rest after the migrations"));
      WorkerExecutor worker = vertx.createSharedWorkerExecutor("beacon-db", config.dbPoolSize());
      return new Db(ds, sf, worker, config.isH2(), lock);
    } catch (Exception | Error e) {
      closeWhenBooted(hibernate, !config.validateSchema() || hibernate.isDone());
      ds.close();
      throw e;
    }
  }

  /** Hibernate on the pool: the entities mapped, the schema left to Flyway (validated only when asked). */
  private static SessionFactory sessions(HikariDataSource ds, Config config, List<Class<?>> entities) {
    Configuration cfg = new Configuration();
    cfg.getProperties().put("hibernate.connection.datasource", ds);
    // the schema is Flyway's, and its version proves it; validating it costs seconds at every start
    cfg.setProperty("hibernate.hbm2ddl.auto", config.validateSchema() ? "validate" : "none");
    cfg.setProperty("hibernate.jdbc.batch_size", "50");
    cfg.setProperty("hibernate.order_inserts", "true");
    cfg.setProperty("hibernate.jdbc.time_zone", "UTC");
    cfg.setProperty("hibernate.boot.allow_jdbc_metadata_access", "true");
    for (Class<?> e : entities) {
      cfg.addAnnotatedClass(e);
    }
    return cfg.buildSessionFactory();
  }

  /** The booted session factory, or what its boot threw. */
  private static SessionFactory booted(FutureTask<SessionFactory> boot) throws Exception {
    try {
      return boot.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception ex) {
        throw ex;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** After a failed open: waits for a boot that ran or runs and closes what it built, before the pool closes. */
  private static void closeWhenBooted(FutureTask<SessionFactory> boot, boolean started) {
    if (!started) {
      return;
    }
    try {
      boot.get().close();
    } catch (Exception | Error ignored) {
      // it failed too: nothing to close
    }
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

  /** Runs {@code work} in a transaction on the db worker pool. */
  public <T> Future<T> tx(Function<Session, T> work) {
    return worker.executeBlocking(() -> sessions.fromTransaction(work), false);
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
    return sessions.fromTransaction(work);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Hibernate's session factory of this database (for what registers with it, such as event listeners). */
  public SessionFactory sessionFactory() {
    return sessions;
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
    worker.close();
    sessions.close();
    if (h2) {
      try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
        st.execute("SHUTDOWN");
      } catch (SQLException e) {
        // already closed or closing; the pool close below releases the rest
      }
    }
    dataSource.close();
    if (lock != null) {
      lock.close();
    }
  }
}

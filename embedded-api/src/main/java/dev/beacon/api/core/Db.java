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
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * The database: a Hikari pool, Flyway migrations, then Hibernate on top (schema validated, never
 * generated). All work runs on the "db" worker pool, never on an event loop.
 */
public final class Db implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final SessionFactory sessions;
  private final WorkerExecutor worker;
  private final boolean h2;

  private Db(HikariDataSource dataSource, SessionFactory sessions, WorkerExecutor worker, boolean h2) {
    this.dataSource = dataSource;
    this.sessions = sessions;
    this.worker = worker;
    this.h2 = h2;
  }

  /** Opens the pool, migrates the schema and boots Hibernate. Blocking: call it off the event loop. */
  public static Db open(Vertx vertx, Config config, List<Class<?>> entities) throws Exception {
    if (config.isH2()) {
      Files.createDirectories(config.dataDir().resolve("db"));
    }
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.effectiveDbUrl());
    if (config.dbUser() != null) {
      hc.setUsername(config.dbUser());
    }
    if (config.dbPassword() != null) {
      hc.setPassword(config.dbPassword());
    }
    hc.setMaximumPoolSize(config.dbPoolSize());
    hc.setPoolName("beacon-db");
    HikariDataSource ds = new HikariDataSource(hc);
    try {
      Flyway.configure().dataSource(ds).locations("classpath:db/migration")
          // the one column type the two databases spell differently
          .placeholders(java.util.Map.of("binary", config.isH2() ? "VARBINARY(1000000000)" : "BYTEA"))
          .load().migrate();

      Configuration cfg = new Configuration();
      cfg.getProperties().put("hibernate.connection.datasource", ds);
      cfg.setProperty("hibernate.hbm2ddl.auto", "validate");
      cfg.setProperty("hibernate.jdbc.batch_size", "50");
      cfg.setProperty("hibernate.order_inserts", "true");
      cfg.setProperty("hibernate.jdbc.time_zone", "UTC");
      cfg.setProperty("hibernate.boot.allow_jdbc_metadata_access", "true");
      for (Class<?> e : entities) {
        cfg.addAnnotatedClass(e);
      }
      SessionFactory sf = cfg.buildSessionFactory();
      WorkerExecutor worker = vertx.createSharedWorkerExecutor("beacon-db", config.dbPoolSize());
      return new Db(ds, sf, worker, config.isH2());
    } catch (Exception | Error e) {
      ds.close();
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
  }
}

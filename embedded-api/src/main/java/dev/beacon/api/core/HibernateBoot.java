package dev.beacon.api.core;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate's boot (mostly class loading and building the metamodel, the longest part of a start),
 * on a thread of its own. On H2, whose version is the driver's, it needs no connection, so it can
 * begin before anything else: {@link BeaconServer#startBlocking} begins it before Vert.x is
 * created, and the pool it will use is handed to it once open ({@link DeferredDataSource}). On
 * PostgreSQL it reads the database's metadata, so it begins once the pool is open; to validate
 * the schema (SchemaValidationTest) it runs after the migrations.
 */
final class HibernateBoot {
  private final Config config;
  private final DeferredDataSource dataSource = new DeferredDataSource();
  private final FutureTask<SessionFactory> task;
  private volatile boolean started;

  private HibernateBoot(Config config, List<Class<?>> entities) {
    this.config = config;
    boolean metadata = !readsNoMetadata(config);
    this.task = new FutureTask<>(() -> sessions(dataSource, config, entities, metadata));
  }

  /** A boot for these entities, begun at once when it needs no connection. */
  static HibernateBoot begin(Config config, List<Class<?>> entities) {
    HibernateBoot boot = new HibernateBoot(config, entities);
    if (readsNoMetadata(config)) {
      boot.start();
    }
    return boot;
  }

  private static boolean readsNoMetadata(Config config) {
    return config.isH2() && !config.validateSchema();
  }

  /** The pool is open: a boot waiting for it may begin (unless it validates, which waits for the migrations). */
  void poolOpen(DataSource pool) {
    dataSource.set(pool);
    if (!started && !config.validateSchema()) {
      start();
    }
  }

  /** The pool could not open: a boot waiting for a connection fails. */
  void poolFailed(Throwable why) {
    dataSource.fail(why);
  }

  /** The session factory, once booted (booting here if nothing began it); what its boot threw otherwise. */
  SessionFactory get() throws Exception {
    if (!started) {
      started = true;
      task.run();
    }
    try {
      return task.get();
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

  /** After a failed open: waits for a boot that began and closes what it built, before the pool closes. */
  void discard() {
    if (!started) {
      return;
    }
    try {
      task.get().close();
    } catch (Exception | Error ignored) {
      // it failed too: nothing to close
    }
  }

  private void start() {
    started = true;
    Thread t = new Thread(task, "beacon-hibernate-boot");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Hibernate on the pool: the entities mapped, the schema left to Flyway (validated only when
   * asked). Without {@code metadata}, the database is named here (H2, at the driver's version, which
   * picks the dialect) instead of read from a connection.
   */
  private static SessionFactory sessions(DataSource ds, Config config, List<Class<?>> entities, boolean metadata) {
    Configuration cfg = new Configuration();
    cfg.getProperties().put("hibernate.connection.datasource", ds);
    // the schema is Flyway's, and its version proves it; validating it costs seconds at every start
    cfg.setProperty("hibernate.hbm2ddl.auto", config.validateSchema() ? "validate" : "none");
    cfg.setProperty("hibernate.jdbc.batch_size", "50");
    cfg.setProperty("hibernate.order_inserts", "true");
    cfg.setProperty("hibernate.jdbc.time_zone", "UTC");
    cfg.setProperty("hibernate.boot.allow_jdbc_metadata_access", Boolean.toString(metadata));
    if (!metadata) {
      cfg.setProperty("jakarta.persistence.database-product-name", "H2");
      cfg.setProperty("jakarta.persistence.database-major-version", Integer.toString(org.h2.engine.Constants.VERSION_MAJOR));
      cfg.setProperty("jakarta.persistence.database-minor-version", Integer.toString(org.h2.engine.Constants.VERSION_MINOR));
    }
    for (Class<?> e : entities) {
      cfg.addAnnotatedClass(e);
    }
    // No bytecode provider: the entities have no associations and nothing asks for a reference, so
    // no lazy proxy is ever needed, and Byte Buddy would generate one class per entity at every
    // start (a third of the boot). A proxy asked for anyway fails loudly (Hibernate's "none" provider).
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
        .applySettings(cfg.getProperties())
        .addService(BytecodeProvider.class, new org.hibernate.bytecode.internal.none.BytecodeProviderImpl())
        .build();
    try {
      return cfg.buildSessionFactory(registry);
    } catch (RuntimeException | Error e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }
}

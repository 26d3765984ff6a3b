package dev.beacon.api.core;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server: opens the database (migrating it), lets each feature start and mount its
 * routes, and listens. The same class serves the desktop console in-process and the headless
 * {@code java -jar beacon-server.jar}.
 */
public final class BeaconServer {
  static {
    // Hibernate logs through jboss-logging: send it to SLF4J like everything else
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(BeaconServer.class);

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final Config config;
  private final Db db;
  private final HttpServer http;
  private final Instant startedAt;
  private final AtomicLong requests;
  private final List<Feature> features;
  private final ServerContext context;

  private BeaconServer(Vertx vertx, boolean ownsVertx, Config config, Db db, HttpServer http, Instant startedAt, AtomicLong requests,
      List<Feature> features, ServerContext context) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.config = config;
    this.db = db;
    this.http = http;
    this.startedAt = startedAt;
    this.requests = requests;
    this.features = features;
    this.context = context;
  }

  /** Starts a server on the given Vert.x instance with the standard features. */
  public static Future<BeaconServer> start(Vertx vertx, Config config) {
    return start(vertx, config, Features.all(), false);
  }

  /** Starts a server with its own Vert.x instance and waits until it listens. */
  public static BeaconServer startBlocking(Config config) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      return start(vertx, config, Features.all(), true).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
  }

  static Future<BeaconServer> start(Vertx vertx, Config config, List<Feature> features, boolean ownsVertx) {
    Clock clock = Clock.systemUTC();
    List<Class<?>> entities = new ArrayList<>();
    features.forEach(f -> entities.addAll(f.entities()));
    return vertx.<Db>executeBlocking(() -> {
      java.nio.file.Files.createDirectories(config.dataDir());
      Db db = Db.open(vertx, config, entities);
      try {
        ServerContext sc = new ServerContext(vertx, config, db, clock);
        for (Feature f : features) {
          f.start(sc);
        }
        return db;
      } catch (Exception | Error e) {
        db.close();
        throw e;
      }
    }, false).compose(db -> {
      ServerContext sc = new ServerContext(vertx, config, db, clock);
      AtomicLong requests = new AtomicLong();
      Instant startedAt = clock.instant();
      Router root = router(vertx, sc, features, requests, startedAt);
      HttpServerOptions options = new HttpServerOptions()
          .setHost(config.host())
          .setPort(config.port())
          .setCompressionSupported(true)
          .setIdleTimeout(120)
          .setIdleTimeoutUnit(TimeUnit.SECONDS);
      return vertx.createHttpServer(options).requestHandler(root).listen()
          .map(http -> new BeaconServer(vertx, ownsVertx, config, db, http, startedAt, requests, features, sc))
          .recover(err -> {
            features.forEach(f -> f.stop(sc));
            db.close();
            return Future.failedFuture(new IllegalStateException(
                "cannot listen on " + config.host() + ":" + config.port() + ": " + err.getMessage(), err));
          });
    });
  }

  private static Router router(Vertx vertx, ServerContext sc, List<Feature> features, AtomicLong requests, Instant startedAt) {
    Router root = Router.router(vertx);
    Failures failures = new Failures(sc.config().jsonBodyLimit());
    root.route().handler(ctx -> {
      requests.incrementAndGet();
      ctx.next();
    });
    root.route().handler(BodyHandler.create(false).setBodyLimit(sc.config().jsonBodyLimit()));
    root.get("/health").handler(ctx -> Http.send(ctx, Http.ok()
        .put("status", "up")
        .put("version", Version.get())
        .put("startedAt", Dates.format(startedAt))
        .put("requests", requests.get())));
    for (Feature f : features) {
      f.mount(root, sc);
    }
    root.route().failureHandler(failures::handle);
    root.errorHandler(404, failures::unmatched);
    root.errorHandler(405, failures::unmatched);
    return root;
  }

  /** The port the server listens on (the real one when started with port 0). */
  public int port() {
    return http.actualPort();
  }

  public String host() {
    return config.host();
  }

  public Config config() {
    return config;
  }

  public Db db() {
    return db;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public long requestsServed() {
    return requests.get();
  }

  /** A short description for logs and status screens. */
  public JsonObject describe() {
    return new JsonObject().put("host", host()).put("port", port()).put("data", config.dataDir().toString());
  }

  /**
   * Stops taking connections, lets in-flight requests finish (up to 10 s), stops the features'
   * timers, then closes the database. Vert.x itself is left running: {@link #stopBlocking()}
   * closes it when this server created it.
   */
  public Future<Void> stop() {
    return http.shutdown(10, TimeUnit.SECONDS)
        .transform(ar -> {
          if (ar.failed()) {
            LOG.warn("HTTP shutdown: {}", ar.cause().toString());
          }
          features.forEach(f -> f.stop(context));
          return vertx.executeBlocking(() -> {
            db.close();
            return null;
          }, false);
        });
  }

  /**
   * {@link #stop()} and wait for it; then close Vert.x if this server created it. Call it from a
   * thread that is not Vert.x's (a closed Vert.x cannot run the callbacks of its own close).
   */
  public void stopBlocking() throws Exception {
    stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    if (ownsVertx) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}

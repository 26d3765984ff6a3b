package dev.beacon.api.core;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server: opens the database (migrating it), lets each feature it is given start and
 * declare its routes, mounts them ({@link RouteMounter}), and listens. The same class serves the desktop console in-process and the headless
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
  private final Router router;
  private final List<Feature> features;
  private final ServerContext context;
  private final List<DeclaredRoute> routes;
  private final StartupTimeline timeline;

  private BeaconServer(Vertx vertx, boolean ownsVertx, Config config, Db db, HttpServer http, Instant startedAt,
      AtomicLong requests, Router router, List<Feature> features, ServerContext context, List<DeclaredRoute> routes,
      StartupTimeline timeline) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.config = config;
    this.db = db;
    this.http = http;
    this.startedAt = startedAt;
    this.requests = requests;
    this.router = router;
    this.features = features;
    this.context = context;
    this.routes = routes;
    this.timeline = timeline;
  }

  /**
   * Starts a server with these features on the given Vert.x instance (the standard ones:
   * {@code dev.beacon.api.Beacon}).
   */
  public static Future<BeaconServer> start(Vertx vertx, Config config, List<Feature> features) {
    return start(vertx, config, features, false, new StartupTimeline(), null);
  }

  /** Starts a server with these features and its own Vert.x instance, and waits until it listens. */
  public static BeaconServer startBlocking(Config config, List<Feature> features) throws Exception {
    StartupTimeline timeline = new StartupTimeline();
    // Hibernate's boot, the longest part of a start, begins first (on H2; see HibernateBoot)
    HibernateBoot hibernate = HibernateBoot.begin(config, entities(features));
    Vertx vertx = Vertx.vertx();
    timeline.mark("Vert.x created");
    try {
      return start(vertx, config, features, true, timeline, hibernate).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
  }

  private static List<Class<?>> entities(List<Feature> features) {
    List<Class<?>> entities = new ArrayList<>();
    features.forEach(f -> entities.addAll(f.entities()));
    return entities;
  }

  private static Future<BeaconServer> start(Vertx vertx, Config config, List<Feature> features, boolean ownsVertx,
      StartupTimeline timeline, HibernateBoot begun) {
    Clock clock = config.clock();
    List<Class<?>> entities = entities(features);
    List<DataFolder> folders;
    try {
      folders = dataFolders(features);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Promise<Void> listening = Promise.promise();
    // everything blocking (folders, database, migrations, resources) happens here, off the event loop
    return vertx.<Opened>executeBlocking(() -> {
      // first, what needs no database (a feature's own thread works alongside the opening below)
      for (Feature f : features) {
        f.prepare(config);
      }
      timeline.mark("features prepared");
      java.nio.file.Files.createDirectories(config.dataDir());
      Db db = Db.open(vertx, config, begun != null ? begun : HibernateBoot.begin(config, entities), timeline);
      try {
        ServerContext sc = new ServerContext(vertx, config, db, clock, folders, listening.future());
        for (Feature f : features) {
          f.start(sc);
          timeline.mark("start of " + f.getClass().getSimpleName());
        }
        ApiDocs docs = new ApiDocs(vertx);
        timeline.mark("API description located (read on its first request)");
        return new Opened(db, docs);
      } catch (Exception | Error e) {
        db.close();
        throw e;
      }
    }, false).compose(opened -> {
      Db db = opened.db();
      ServerContext sc = new ServerContext(vertx, config, db, clock, folders, listening.future());
      AtomicLong requests = new AtomicLong();
      Instant startedAt = clock.instant();
      Routes routes = new Routes();
      Router root;
      try {
        routes.get("/health").open(ctx -> Http.send(ctx, Http.ok()
            .put("status", "up")
            .put("version", Version.get())
            .put("startedAt", Dates.format(startedAt))
            .put("requests", requests.get())));
        routes.get(ApiDocs.SPEC).open(opened.docs()::spec);
        routes.get("/docs").open(opened.docs()::page);
        routes.get("/docs/:file").open(opened.docs()::file);
        for (Feature f : features) {
          f.mount(routes, sc);
        }
        timeline.mark("routes declared by every feature");
        root = RouteMounter.mount(vertx, config, routes, requests);
        timeline.mark("routes mounted");
      } catch (RuntimeException e) {
        return abandon(features, sc, db, e);
      }
      HttpServerOptions options = new HttpServerOptions()
          .setHost(config.host())
          .setPort(config.port())
          .setCompressionSupported(true)
          // HTTP/1.1 only: the clear-text HTTP/2 detection would hold a connection back from the
          // connection handler (and its head deadline) until the whole first request head is in
          .setHttp2ClearTextEnabled(false)
          .setIdleTimeout((int) Math.max(1, config.idleTimeout().toMillis()))
          .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
      ConnectionGuard guard = new ConnectionGuard(vertx, config);
      Router mounted = root;
      // meanwhile, one request through the handlers on a private port (see HttpWarmup); not counted
      Future<Void> warm = HttpWarmup.run(vertx, options, mounted, "/health").andThen(w -> requests.set(0));
      // Hibernate booted alongside the features' start and the routes; it is ready before the server listens
      Future<Void> hibernateBooted = vertx.executeBlocking(() -> {
        db.awaitHibernate();
        timeline.mark("Hibernate boot, the rest (the features started alongside)");
        return null;
      }, false);
      return Future.join(hibernateBooted, warm).transform(both -> hibernateBooted).transform(booted -> booted.failed()
          ? abandon(features, sc, db, booted.cause() instanceof Exception ex ? ex : new IllegalStateException(booted.cause()))
          : guard.install(vertx.createHttpServer(options), mounted).invalidRequestHandler(Failures::invalidRequest).listen()
              .recover(err -> abandon(features, sc, db, new IllegalStateException(
                  "cannot listen on " + config.host() + ":" + config.port() + ": " + err.getMessage(), err))))
          .map(http -> {
            timeline.mark("listening");
            return new BeaconServer(vertx, ownsVertx, config, db, http, startedAt, requests, mounted, features, sc,
                routes.declared(), timeline);
          });
    }).andThen(started -> {
      if (started.succeeded()) {
        listening.tryComplete();
      } else {
        listening.tryFail(started.cause());
      }
    });
  }

  /** Every feature's data folders; two features cannot keep data in the same one. */
  private static List<DataFolder> dataFolders(List<Feature> features) {
    List<DataFolder> all = new ArrayList<>();
    for (Feature f : features) {
      for (DataFolder d : f.dataFolders()) {
        if (all.stream().anyMatch(o -> o.name().equals(d.name()))) {
          throw new IllegalStateException("two features keep data in the folder " + d.name());
        }
        all.add(d);
      }
    }
    return List.copyOf(all);
  }

  /** Undoes a start that got as far as starting the features, and fails with {@code why}. */
  private static <T> Future<T> abandon(List<Feature> features, ServerContext sc, Db db, Exception why) {
    features.forEach(f -> f.stop(sc));
    return sc.vertx().executeBlocking(() -> {
      closeFeatures(features, sc);
      db.close();
      return null;
    }, false).transform(ar -> Future.failedFuture(why));
  }

  /** Lets each feature write out what it keeps in memory; a failure is logged and the others go on. */
  private static void closeFeatures(List<Feature> features, ServerContext sc) {
    for (Feature f : features) {
      try {
        f.close(sc);
      } catch (Exception e) {
        LOG.warn("{} could not close cleanly: {}", f.getClass().getSimpleName(), e.toString());
      }
    }
  }

  /** The running feature of this type (e.g. for a benchmark's bulk loading). */
  public <T extends Feature> T feature(Class<T> type) {
    return features.stream().filter(type::isInstance).map(type::cast).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no feature " + type.getSimpleName()));
  }

  /** What the blocking part of the start produces. */
  private record Opened(Db db, ApiDocs docs) {}

  /** Where this server's start spent its time, phase by phase. */
  public StartupTimeline timeline() {
    return timeline;
  }

  /** The routes the features declared, with the server's own, in the order they were declared. */
  public List<DeclaredRoute> routes() {
    return routes;
  }

  /** Every feature's folders of the data folder. */
  public List<DataFolder> dataFolders() {
    return context.dataFolders();
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

  /**
   * The endpoints this server answers, as {@code METHOD /path/{param}}: every route with a method
   * and a path (guards and other handlers that run for every method are left out).
   */
  public java.util.SortedSet<String> endpoints() {
    java.util.SortedSet<String> out = new java.util.TreeSet<>();
    for (io.vertx.ext.web.Route r : router.getRoutes()) {
      if (r.getPath() == null || r.methods() == null || r.methods().isEmpty()) {
        continue;
      }
      String path = r.getPath().replaceAll(":([A-Za-z0-9_]+)", "{$1}");
      r.methods().forEach(m -> out.add(m.name() + " " + path));
    }
    return out;
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
            closeFeatures(features, context);
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

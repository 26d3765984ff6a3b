package dev.beacon.api.telemetry;

import dev.beacon.api.core.Body;
import dev.beacon.api.core.DataFolder;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Lease;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.telemetry.ingest.Beat;
import dev.beacon.api.telemetry.stats.StatsRoutes;
import dev.beacon.api.telemetry.store.UsageFold;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage analytics ({@link UsageAnalytics}). Family A heartbeats, {@code POST /api/v1/user/heartbeat
 * {app_key, machine_id, version}}, are stored with group commit ({@code ingest}: answered once
 * logged) in a log that the storage engine ({@code store}) folds soon after into the open days in
 * memory, written to the database as snapshots every half minute; old days are closed into bitmaps
 * every hour; the stats API ({@code stats}) answers exact DAU/WAU/MAU, new machines, version
 * adoption and a summary. On PostgreSQL the log is in the database and every Beacon on it folds
 * it; snapshots and the closing of days are the work of the {@value #LEASE} lease's holder.
 */
public final class TelemetryFeature implements Feature {
  private static final Logger LOG = LoggerFactory.getLogger(TelemetryFeature.class);
  private static final int MAX_MACHINE_ID = 255;
  private static final int MAX_VERSION = 128;
  private static final int MAX_APP_KEY = 64;
  static final long CLOSE_DAYS_EVERY_MS = 60 * 60 * 1000L;

  /** Where the heartbeat log's files are, in the data folder (H2; on PostgreSQL the log is in the database). */
  public static final String LOG_FOLDER = "usage-log";
  /** On PostgreSQL, the lease of the instance that saves machines, takes snapshots and closes days. */
  public static final String LEASE = "usage";
  /** On PostgreSQL, how often each instance folds what the others logged (a read folds first anyway). */
  static final long FOLD_OTHERS_EVERY_MS = 1_000;

  private ServerContext sc;
  private Lease lease;
  private UsageAnalytics usage;
  private final Installs installs = new Installs(this);
  private final VersionUsage versionUsage = new VersionUsage(this);
  private final java.util.List<Long> timers = new java.util.ArrayList<>();

  @Override
  public java.util.List<DataFolder> dataFolders() {
    return java.util.List.of(DataFolder.beforeDatabase(LOG_FOLDER));
  }

  @Override
  public void start(ServerContext ctx) throws Exception {
    this.sc = ctx;
    lease = Lease.start(ctx, LEASE);
    usage = UsageAnalytics.start(ctx, ctx.config().dataDir().resolve(LOG_FOLDER), lease::held);
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    this.sc = ctx;
    routes.post("/api/v1/user/heartbeat").client("app_key", this::heartbeat);
    new StatsRoutes(ctx, usage.stats()).mount(routes);
    timers.add(ctx.vertx().setPeriodic(CLOSE_DAYS_EVERY_MS, id -> inBackground("closing old usage days", usage::closeDays)));
    timers.add(ctx.vertx().setPeriodic(UsageFold.SNAPSHOT_EVERY_MS, id -> inBackground("a usage snapshot", () -> {
      usage.snapshot();
      return 0;
    })));
    if (!ctx.db().isH2()) {
      timers.add(ctx.vertx().setPeriodic(FOLD_OTHERS_EVERY_MS, id -> usage.fold().soon(ctx.vertx())));
    }
  }

  @Override
  public void stop(ServerContext ctx) {
    if (usage != null) {
      usage.stop();
    }
    timers.forEach(ctx.vertx()::cancelTimer);
    timers.clear();
  }

  @Override
  public void close(ServerContext ctx) throws Exception {
    if (usage != null) {
      usage.close();
    }
  }

  /** What other features may ask of usage about an installed client (once the server has started). */
  public Installs installs() {
    return installs;
  }

  /** What release health reads of usage: machines per version and day (once the server has started). */
  public VersionUsage versionUsage() {
    return versionUsage;
  }

  UsageAnalytics usage() {
    return usage;
  }

  java.time.Instant now() {
    return sc.now();
  }

  /** The bulk loader on this server's storage (the analytics benchmark). */
  public UsageLoad load() {
    return usage.load();
  }

  /** The storage engine (tests look into it). */
  UsageFold fold() {
    return usage.fold();
  }

  private void inBackground(String what, java.util.concurrent.Callable<Integer> work) {
    sc.db().blocking(work).onFailure(e -> LOG.warn("{} failed (tried again later): {}", what, e.toString()));
  }

  private void heartbeat(RoutingContext ctx) {
    Body b = Body.of(ctx);
    String appKey = b.requiredString("app_key", MAX_APP_KEY);
    String machineId = b.requiredString("machine_id", MAX_MACHINE_ID).trim();
    String version = b.requiredString("version", MAX_VERSION).trim();
    Http.reply(ctx, usage.heartbeat(new Beat(appKey, machineId, version, sc.now()))
        .map(ok -> new JsonObject()
            .put("code", 200)
            .put("message", "心跳记录成功")
            .put("data", new JsonObject().put("recorded", true))));
  }
}

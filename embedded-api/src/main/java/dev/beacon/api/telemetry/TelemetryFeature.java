package dev.beacon.api.telemetry;

import dev.beacon.api.core.Body;
import dev.beacon.api.core.DataFolder;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage analytics. Family A heartbeats, {@code POST /api/v1/user/heartbeat {app_key, machine_id,
 * version}}, are stored with group commit ({@link HeartbeatIngest}, answered once logged) in a
 * log ({@link BeatLog}) that the fold applies soon after to the open days in memory
 * ({@link UsageFold}, {@link OpenUsage}), written to the database as snapshots every half minute
 * ({@link UsageSnapshots}); old days are closed into bitmaps every hour ({@link ClosedDays}); the
 * stats API ({@link StatsRoutes}) answers exact DAU/WAU/MAU, new machines, version adoption and a
 * summary ({@link UsageStats}).
 */
public final class TelemetryFeature implements Feature {
  private static final Logger LOG = LoggerFactory.getLogger(TelemetryFeature.class);
  private static final int MAX_MACHINE_ID = 255;
  private static final int MAX_VERSION = 128;
  private static final int MAX_APP_KEY = 64;
  /** The memory the decoded day bitmaps may take (a day of a million machines is at most 128 KB). */
  static final long BITMAP_CACHE_BYTES = 64L * 1024 * 1024;
  static final long CLOSE_DAYS_EVERY_MS = 60 * 60 * 1000L;

  /** Where the heartbeat log's files are, in the data folder. */
  public static final String LOG_FOLDER = "usage-log";

  private ServerContext sc;
  private DayBitmaps bitmaps;
  private HeartbeatIngest ingest;
  private AppKeys appKeys;
  private UsageFold fold;
  private final java.util.List<Long> timers = new java.util.ArrayList<>();

  @Override
  public java.util.List<DataFolder> dataFolders() {
    return java.util.List.of(DataFolder.beforeDatabase(LOG_FOLDER));
  }

  @Override
  public void start(ServerContext ctx) throws Exception {
    bitmaps = new DayBitmaps(BITMAP_CACHE_BYTES);
    fold = new UsageFold(ctx.db(), ctx.config().dataDir().resolve(LOG_FOLDER), bitmaps);
    int replayed = fold.start();
    if (replayed > 0) {
      LOG.info("replayed {} logged heartbeats", replayed);
    }
    int closed = fold.closeDays(ctx.now());
    if (closed > 0) {
      LOG.info("closed {} days of usage into bitmaps", closed);
    }
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    this.sc = ctx;
    this.appKeys = new AppKeys();
    this.ingest = new HeartbeatIngest(ctx.vertx(), ctx.db(), fold, appKeys, ctx.config().heartbeatQueue());
    routes.post("/api/v1/user/heartbeat").client("app_key", this::heartbeat);
    new StatsRoutes(ctx, new UsageStats(bitmaps), fold).mount(routes);
    timers.add(ctx.vertx().setPeriodic(CLOSE_DAYS_EVERY_MS, id -> inBackground("closing old usage days", () -> fold.closeDays(sc.now()))));
    timers.add(ctx.vertx().setPeriodic(UsageFold.SNAPSHOT_EVERY_MS, id -> inBackground("a usage snapshot", () -> {
      fold.snapshot();
      return 0;
    })));
  }

  @Override
  public void stop(ServerContext ctx) {
    if (fold != null) {
      fold.stop();
    }
    timers.forEach(ctx.vertx()::cancelTimer);
    timers.clear();
    if (appKeys != null) {
      appKeys.close();
    }
  }

  @Override
  public void close(ServerContext ctx) throws Exception {
    if (fold != null) {
      fold.close();
    }
  }

  /** The bulk loader on this server's storage (the analytics benchmark). */
  public UsageLoad load() {
    return new UsageLoad(sc.db(), fold, bitmaps);
  }

  /** The storage engine (tests look into it). */
  UsageFold fold() {
    return fold;
  }

  private void inBackground(String what, java.util.concurrent.Callable<Integer> work) {
    sc.db().blocking(work).onFailure(e -> LOG.warn("{} failed (tried again later): {}", what, e.toString()));
  }

  private void heartbeat(RoutingContext ctx) {
    Body b = Body.of(ctx);
    String appKey = b.requiredString("app_key", MAX_APP_KEY);
    String machineId = b.requiredString("machine_id", MAX_MACHINE_ID).trim();
    String version = b.requiredString("version", MAX_VERSION).trim();
    Http.reply(ctx, ingest.add(new UsageStore.Beat(appKey, machineId, version, sc.now()))
        .map(ok -> new JsonObject()
            .put("code", 200)
            .put("message", "心跳记录成功")
            .put("data", new JsonObject().put("recorded", true))));
  }
}

package dev.beacon.api.telemetry;

import dev.beacon.api.core.Body;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage analytics. Family A heartbeats, {@code POST /api/v1/user/heartbeat {app_key, machine_id,
 * version}}, are stored with group commit ({@link HeartbeatIngest}, answered once committed) as
 * a log ({@link BeatLog}) folded soon after into machines and machine-days ({@link UsageFold},
 * {@link UsageStore}); old days are closed into bitmaps every hour
 * ({@link DayCompactor}); the stats API ({@link StatsRoutes}) answers exact DAU/WAU/MAU, new
 * machines, version adoption and a summary from cached day bitmaps ({@link DayBitmaps}).
 */
public final class TelemetryFeature implements Feature {
  private static final Logger LOG = LoggerFactory.getLogger(TelemetryFeature.class);
  private static final int MAX_MACHINE_ID = 255;
  private static final int MAX_VERSION = 128;
  private static final int MAX_APP_KEY = 64;
  /** The memory the decoded day bitmaps may take (a day of a million machines is at most 128 KB). */
  static final long BITMAP_CACHE_BYTES = 64L * 1024 * 1024;
  static final long CLOSE_DAYS_EVERY_MS = 60 * 60 * 1000L;

  private ServerContext sc;
  private HeartbeatIngest ingest;
  private UsageFold fold;
  private DayCompactor compactor;
  private long timer = -1;

  @Override
  public void start(ServerContext ctx) throws Exception {
    int folded = new UsageFold(ctx.db(), null).now();
    if (folded > 0) {
      LOG.info("folded {} logged heartbeats into the usage tables", folded);
    }
    int closed = new DayCompactor(ctx.db()).run(ctx.now());
    if (closed > 0) {
      LOG.info("closed {} days of usage into bitmaps", closed);
    }
  }

  @Override
  public void mount(Router root, ServerContext ctx) {
    this.sc = ctx;
    DayBitmaps bitmaps = new DayBitmaps(BITMAP_CACHE_BYTES);
    this.fold = new UsageFold(ctx.db(), bitmaps);
    this.ingest = new HeartbeatIngest(ctx.vertx(), ctx.db(), fold, ctx.config().heartbeatQueue());
    this.compactor = new DayCompactor(ctx.db());
    root.post("/api/v1/user/heartbeat").handler(this::heartbeat);
    new StatsRoutes(ctx, new UsageStats(bitmaps), fold).mount(root);
    timer = ctx.vertx().setPeriodic(CLOSE_DAYS_EVERY_MS, id -> closeDays());
  }

  @Override
  public void stop(ServerContext ctx) {
    if (fold != null) {
      fold.stop();
    }
    if (timer >= 0) {
      ctx.vertx().cancelTimer(timer);
    }
  }

  private void closeDays() {
    sc.db().blocking(() -> {
      fold.now();
      return compactor.run(sc.now());
    })
        .onFailure(e -> LOG.warn("closing old usage days failed (tried again in an hour): {}", e.toString()));
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

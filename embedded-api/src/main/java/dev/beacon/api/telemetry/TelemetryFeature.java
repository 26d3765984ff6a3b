package dev.beacon.api.telemetry;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Family A heartbeats: {@code POST /api/v1/user/heartbeat {app_key, machine_id, version}}, the
 * raw material of DAU/WAU/MAU. One key lookup and one small insert per request; the answer goes
 * out only once the row is committed.
 */
public final class TelemetryFeature implements Feature {
  private static final int MAX_MACHINE_ID = 255;
  private static final int MAX_VERSION = 128;
  private static final int MAX_APP_KEY = 64;

  private ServerContext sc;

  @Override
  public List<Class<?>> entities() {
    return List.of(Heartbeat.class);
  }

  @Override
  public void mount(Router root, ServerContext ctx) {
    this.sc = ctx;
    root.post("/api/v1/user/heartbeat").handler(this::heartbeat);
  }

  private void heartbeat(RoutingContext ctx) {
    Body b = Body.of(ctx);
    String appKey = b.requiredString("app_key", MAX_APP_KEY);
    String machineId = b.requiredString("machine_id", MAX_MACHINE_ID).trim();
    String version = b.requiredString("version", MAX_VERSION).trim();
    Instant now = sc.now();
    Http.reply(ctx, sc.db().tx(s -> {
      App app = AppAccess.byKey(s, appKey);
      Heartbeat h = new Heartbeat();
      h.appId = app.appId;
      h.machineHash = MachineHash.of(app.secret, machineId);
      h.appVersion = version;
      h.day = LocalDate.ofInstant(now, Dates.zone());
      h.receivedAt = now;
      s.persist(h);
      return h;
    }).map(h -> new JsonObject()
        .put("code", 200)
        .put("message", "心跳记录成功")
        .put("data", new JsonObject().put("recorded", true))));
  }
}

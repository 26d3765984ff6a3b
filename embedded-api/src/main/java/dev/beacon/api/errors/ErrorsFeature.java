package dev.beacon.api.errors;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.telemetry.MachineHash;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The error store and its three doors: family A's {@code POST /api/v1/error/report}, family B's
 * {@code POST /v1/logs}, and the developer's {@code GET /v1/user/{openId}/logs} over both. How
 * each request maps onto the stored columns is described on {@link ErrorEvent}.
 */
public final class ErrorsFeature implements Feature {
  private static final int MAX_APP_KEY = 64;
  private static final int MAX_APP_ID = 64;

  private ServerContext sc;

  @Override
  public List<Class<?>> entities() {
    return List.of(ErrorEvent.class);
  }

  @Override
  public void mount(Router root, ServerContext ctx) {
    this.sc = ctx;
    root.post("/api/v1/error/report").handler(this::report);
    root.post("/v1/logs").handler(this::log);
    root.get("/v1/user/:openId/logs").handler(this::list);
  }

  private void report(RoutingContext ctx) {
    Body b = Body.of(ctx);
    String appKey = b.requiredString("app_key", MAX_APP_KEY);
    String machineId = b.requiredString("machine_id", ErrorEvent.MAX_MACHINE_ID).trim();
    String version = b.requiredString("software_version", ErrorEvent.MAX_APP_VERSION).trim();
    String type = Body.truncate(b.requiredString("error_type", Integer.MAX_VALUE).trim(), ErrorEvent.MAX_TYPE);
    String message = text(b, "error_message", ErrorEvent.MAX_MESSAGE);
    String stack = text(b, "error_stack", ErrorEvent.MAX_STACK);
    String osInfo = text(b, "os_info", ErrorEvent.MAX_OS_INFO);
    Http.reply(ctx, sc.db().tx(s -> {
      App app = AppAccess.byKey(s, appKey);
      ErrorEvent e = new ErrorEvent();
      e.appId = app.appId;
      e.source = ErrorEvent.REPORT;
      e.errorType = type;
      e.message = message;
      e.stack = stack;
      e.osInfo = osInfo;
      e.appVersion = version;
      e.machineId = MachineHash.of(app.secret, machineId);
      e.createdAt = sc.now();
      s.persist(e);
      return e;
    }).map(e -> new JsonObject()
        .put("code", 200)
        .put("message", "错误上报成功")
        .put("data", new JsonObject().put("recorded", true).put("id", e.id))));
  }

  private void log(RoutingContext ctx) {
    Body b = Body.of(ctx);
    String appId = b.requiredString("appId", MAX_APP_ID).trim();
    String appKey = b.requiredString("appKey", MAX_APP_KEY);
    String appVersion = b.requiredString("appVersion", ErrorEvent.MAX_APP_VERSION).trim();
    String deviceId = b.requiredString("deviceId", ErrorEvent.MAX_MACHINE_ID).trim();
    String appPackage = b.requiredString("appPackage", ErrorEvent.MAX_APP_PACKAGE).trim();
    String context = b.textOrLines("context", ErrorEvent.MAX_MESSAGE);
    if (context == null || context.isBlank()) {
      throw ApiException.badParameter("context is required");
    }
    Http.reply(ctx, sc.db().tx(s -> {
      App app = AppAccess.client(s, appId, appKey);
      ErrorEvent e = new ErrorEvent();
      e.appId = app.appId;
      e.source = ErrorEvent.LOG;
      e.errorType = Body.truncate(firstLine(context), ErrorEvent.MAX_TYPE);
      e.message = context;
      e.appVersion = appVersion;
      e.machineId = deviceId;
      e.appPackage = appPackage;
      e.createdAt = sc.now();
      s.persist(e);
      return e;
    }).map(e -> Http.ok()));
  }

  private void list(RoutingContext ctx) {
    ErrorLogQuery query = ErrorLogQuery.of(Principal.of(ctx).openId(), Params.of(ctx));
    Http.reply(ctx, sc.db().tx(query::run).map(page -> Http.ok()
        .put("totalCount", page.totalCount())
        .put("errlogList", new JsonArray(page.events().stream().map(ErrorEvent::json).toList()))));
  }

  /** An optional text field, cut to the column size rather than refused. */
  private static String text(Body b, String field, int max) {
    return Body.truncate(b.optionalString(field, Integer.MAX_VALUE), max);
  }

  /** The first line of a text that has some content, trimmed. */
  private static String firstLine(String text) {
    return text.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElseThrow();
  }
}

package dev.beacon.api.health;

import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/user/{openId}/app/{appId}/health?window=24h|7d|30d} and
 * {@code GET .../module/{moduleId}/health}: release health per version ({@link ReleaseHealth}),
 * highest code first. Developers read their own apps, admins any.
 */
final class HealthRoutes {
  static final String APP = "/v1/user/:openId/app/:appId/health";
  static final String MODULE = "/v1/user/:openId/app/:appId/module/:moduleId/health";

  private final ServerContext sc;
  private final ReleaseHealth health;

  HealthRoutes(ServerContext sc, ReleaseHealth health) {
    this.sc = sc;
    this.health = health;
  }

  void mount(Routes routes) {
    routes.get(APP).developer(this::app);
    routes.get(MODULE).developer(this::module);
  }

  private void app(RoutingContext ctx) {
    Principal p = Principal.of(ctx);
    HealthWindow window = HealthWindow.parse(ctx.request().getParam("window"));
    String appId = ctx.pathParam("appId");
    Http.reply(ctx, sc.db().blocking(() -> json(health.app(p.openId(), p.admin(), appId, window))));
  }

  private void module(RoutingContext ctx) {
    Principal p = Principal.of(ctx);
    HealthWindow window = HealthWindow.parse(ctx.request().getParam("window"));
    String appId = ctx.pathParam("appId");
    String moduleId = ctx.pathParam("moduleId");
    Http.reply(ctx, sc.db().blocking(() -> json(health.module(p.openId(), p.admin(), appId, moduleId, window))));
  }

  static JsonObject json(ReleaseHealth.Report r) {
    JsonArray versions = new JsonArray();
    r.versions().forEach(h -> versions.add(json(h).put("previous", h.previous() == null ? null : json(h.previous()))));
    return Http.ok().put("window", r.window().wire()).put("from", r.from().toString()).put("to", r.to().toString())
        .put("versions", versions);
  }

  private static JsonObject json(ReleaseHealth.Health h) {
    var v = h.version();
    var c = h.counts();
    JsonArray trend = new JsonArray();
    c.trend().forEach(d -> trend.add(new JsonObject().put("date", d.date().toString()).put("machines", d.machines())
        .put("errorMachines", d.errorMachines())));
    JsonArray top = new JsonArray();
    h.topIssues().forEach(i -> top.add(new JsonObject().put("issueId", i.issueId()).put("title", i.title()).put("machines", i.machines())));
    return new JsonObject()
        .put("versionId", v.versionId())
        .put("version", v.name())
        .put("code", v.versionId() == null ? null : v.code())
        .put("channel", v.channel())
        .put("rollout", v.versionId() == null ? null : v.rollout())
        .put("state", v.state())
        .put("since", Dates.format(v.since()))
        .put("rolloutAt", Dates.format(v.rolloutAt()))
        .put("from", h.from().toString())
        .put("to", h.to().toString())
        .put("machines", c.machines())
        .put("share", c.share())
        .put("errorMachines", c.errorMachines())
        .put("errorFreeRate", c.errorFreeRate())
        .put("crashFreeSessions", h.crashFreeSessions())
        .put("crashFreeMachines", h.crashFreeMachines())
        .put("newIssues", h.newIssues())
        .put("regressions", h.regressions())
        .put("topIssues", top)
        .put("worse", h.worse())
        .put("trend", trend);
  }
}

package dev.beacon.api.auth;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.hibernate.Session;

/**
 * An admin's view of one developer, and the {@code internal} flag that lets a developer see
 * internal-only material (SDKs with authority 0, internal doc-tree nodes):
 * {@code GET|PUT /v1/admin/developer/{openId}} with {@code {"internal":true|false}}. The flag
 * takes effect on the developer's next request. The admin guard runs first.
 */
final class AdminDeveloperRoutes {
  private final Db db;
  private final ServerContext sc;

  AdminDeveloperRoutes(ServerContext sc) {
    this.sc = sc;
    this.db = sc.db();
  }

  void mount(Routes routes) {
    routes.get("/v1/admin/developer/:openId").admin(this::get);
    routes.put("/v1/admin/developer/:openId").admin(this::update);
  }

  private void get(RoutingContext ctx) {
    String openId = ctx.pathParam("openId");
    Http.reply(ctx, db.tx(s -> Http.ok().put("developer", json(find(s, openId)))));
  }

  private void update(RoutingContext ctx) {
    String openId = ctx.pathParam("openId");
    Body b = Body.of(ctx);
    Boolean internal = b.optionalBoolean("internal");
    if (internal == null) {
      throw ApiException.badParameter("internal is required (true or false)");
    }
    Http.reply(ctx, db.tx(s -> {
      Developer d = find(s, openId);
      if (d.internal != internal) {
        d.internal = internal;
        d.updatedAt = sc.now();
      }
      return Http.ok().put("developer", json(d));
    }));
  }

  private static Developer find(Session s, String openId) {
    Developer d = s.find(Developer.class, openId);
    if (d == null) {
      throw ApiException.notFound("no developer " + openId);
    }
    return d;
  }

  private static JsonObject json(Developer d) {
    return new JsonObject()
        .put("openId", d.openId)
        .put("account", d.account)
        .put("accountType", d.accountType)
        .put("admin", d.isAdmin())
        .put("internal", d.internal)
        .put("createDate", Dates.format(d.createdAt))
        .put("updateDate", Dates.format(d.updatedAt));
  }
}

package dev.beacon.api.apps;

import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Apps: {@code /v1/user/{openId}/app...} for developers, {@code /v1/admin/app...} for admins. */
public final class AppsFeature implements Feature {
  private ServerContext sc;

  @Override
  public List<Class<?>> entities() {
    return List.of(App.class);
  }

  @Override
  public void mount(Router root, ServerContext ctx) {
    this.sc = ctx;
    root.post("/v1/user/:openId/app").handler(this::create);
  }

  private void create(RoutingContext ctx) {
    Principal p = Principal.of(ctx);
    Body b = Body.of(ctx);
    String name = b.requiredString("name", 255).trim();
    int platform = b.requiredInt("platform");
    if (platform < 1 || platform > 3) {
      throw ApiException.badParameter("platform must be 1 (Android), 2 (iOS) or 3 (hybrid)");
    }
    String desc = b.optionalString("desc", 4000);
    String icon = b.optionalString("icon", 2000);
    Http.reply(ctx, sc.db().tx(s -> {
      App a = new App();
      a.appId = Ids.newId();
      a.openId = p.openId();
      a.name = name;
      a.platform = platform;
      a.desc = desc;
      a.icon = icon;
      a.appKey = Ids.randomHex(8);
      a.secret = Ids.randomHex(32);
      a.status = App.ACTIVE;
      a.createdAt = sc.now();
      a.updatedAt = a.createdAt;
      s.persist(a);
      return a;
    }).map(a -> Http.ok().put("app", json(a))));
  }

  /** An app as the seed shows it. */
  static JsonObject json(App a) {
    return new JsonObject()
        .put("appId", a.appId)
        .put("appKey", a.appKey)
        .put("name", a.name)
        .put("platform", a.platform)
        .put("desc", a.desc)
        .put("icon", a.icon)
        .put("status", a.status)
        .put("createDate", Dates.format(a.createdAt))
        .put("updateDate", Dates.format(a.updatedAt));
  }
}

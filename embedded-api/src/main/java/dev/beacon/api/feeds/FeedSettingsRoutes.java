package dev.beacon.api.feeds;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.hibernate.Session;

/**
 * {@code GET|PUT /v1/user/{openId}/app/{appId}/feeds}: an app's feed URLs, a one-line setup for
 * each updater, and whether feed requests count in usage ({@code {"countUsage":false}} switches it
 * off). The URLs use the address the developer reached Beacon by.
 */
final class FeedSettingsRoutes {
  private static final String PATH = "/v1/user/:openId/app/:appId/feeds";

  private final Db db;

  FeedSettingsRoutes(Db db) {
    this.db = db;
  }

  void mount(Routes routes) {
    routes.get(PATH).developer(this::get);
    routes.put(PATH).developer(this::put);
  }

  private void get(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Http.reply(ctx, db.tx(s -> answer(ctx, s, AppAccess.owned(s, openId, ctx.pathParam("appId")))));
  }

  private void put(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Boolean count = Body.of(ctx).optionalBoolean("countUsage");
    if (count == null) {
      throw ApiException.badParameter("countUsage (true or false) is required");
    }
    Http.reply(ctx, db.tx(s -> {
      App app = AppAccess.owned(s, openId, ctx.pathParam("appId"));
      FeedSettings f = s.find(FeedSettings.class, app.appId);
      if (f == null) {
        f = new FeedSettings();
        f.appId = app.appId;
        f.countUsage = count;
        s.persist(f);
      } else {
        f.countUsage = count;
      }
      return answer(ctx, s, app);
    }));
  }

  private static JsonObject answer(RoutingContext ctx, Session s, App app) {
    FeedSettings f = s.find(FeedSettings.class, app.appId);
    String base = ctx.request().scheme() + "://" + ctx.request().authority() + FeedRoutes.PREFIX + app.appKey;
    JsonObject feeds = new JsonObject()
        .put("sparkle", base + "/" + FeedFile.APPCAST)
        .put("electron", base + "/")
        .put("velopack", base);
    JsonObject setup = new JsonObject()
        .put("sparkle", "Info.plist: <key>SUFeedURL</key><string>" + base + "/" + FeedFile.APPCAST + "</string>")
        .put("electron", "autoUpdater.setFeedURL({ provider: 'generic', url: '" + base + "/' })")
        .put("velopack", "new UpdateManager(\"" + base + "\")");
    return Http.ok()
        .put("countUsage", f == null || f.countUsage)
        .put("feeds", feeds)
        .put("setup", setup);
  }
}

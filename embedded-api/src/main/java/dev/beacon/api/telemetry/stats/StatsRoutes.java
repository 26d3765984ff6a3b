package dev.beacon.api.telemetry.stats;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The stats API under {@code /v1/user/{openId}/app/{appId}/stats}: the active series (also as
 * CSV), version adoption and today's summary. Developers see their own apps, admins any app; days
 * are the app's calendar days. The auth guard has checked the caller.
 */
public final class StatsRoutes {
  static final String BASE = "/v1/user/:openId/app/:appId/stats";
  /** The most days one call may ask for. */
  static final int MAX_DAYS = 400;
  /** The days of a series when {@code from} is not given. */
  static final int DEFAULT_DAYS = 30;

  private record Scope(String appId, ZoneId zone, LocalDate from, LocalDate to) {}

  private final ServerContext sc;
  private final UsageStats stats;

  public StatsRoutes(ServerContext sc, UsageStats stats) {
    this.sc = sc;
    this.stats = stats;
  }

  public void mount(Routes routes) {
    routes.get(BASE + "/active").developer(this::active);
    routes.get(BASE + "/versions").developer(this::versions);
    routes.get(BASE + "/summary").developer(this::summary);
  }

  private void active(RoutingContext ctx) {
    boolean csv = wantsCsv(ctx);
    Future<List<UsageStats.Active>> rows = scope(ctx, true)
        .compose(s -> read(() -> stats.active(s.appId(), s.from(), s.to())));
    if (csv) {
      rows.onSuccess(r -> sendCsv(ctx, r)).onFailure(ctx::fail);
      return;
    }
    Http.reply(ctx, rows.map(r -> Http.ok().put("series", new JsonArray(r.stream().map(a -> new JsonObject()
        .put("date", Dates.DATE.format(a.date()))
        .put("dau", a.dau())
        .put("wau", a.wau())
        .put("mau", a.mau())
        .put("newMachines", a.newMachines())).toList()))));
  }

  private void versions(RoutingContext ctx) {
    Http.reply(ctx, scope(ctx, true)
        .compose(s -> read(() -> stats.versions(s.appId(), s.from(), s.to())))
        .map(days -> {
          JsonArray series = new JsonArray();
          days.forEach((day, counts) -> series.add(new JsonObject()
              .put("date", Dates.DATE.format(day))
              .put("versions", new JsonArray(counts.stream()
                  .map(v -> new JsonObject().put("version", v.version()).put("machines", v.machines())).toList()))));
          return Http.ok().put("series", series);
        }));
  }

  private void summary(RoutingContext ctx) {
    Http.reply(ctx, scope(ctx, false)
        .compose(s -> read(() -> stats.summary(s.appId(), s.to(), sc.now())))
        .map(s -> Http.ok()
            .put("onlineNow", s.onlineNow())
            .put("dau", s.dau())
            .put("wau", s.wau())
            .put("mau", s.mau())
            .put("stickiness", s.stickiness())
            .put("totalMachines", s.totalMachines())
            .put("lastHeartbeat", Dates.format(s.lastHeartbeat()))));
  }

  /** Reads usage on a worker ({@link UsageStats} folds the heartbeats logged so far first). */
  private <T> Future<T> read(java.util.concurrent.Callable<T> work) {
    return sc.db().blocking(work);
  }

  /**
   * The app (own, or any for an admin) and the days asked for: {@code from}/{@code to} as
   * {@code yyyy-MM-dd}; {@code to} defaults to the app's today, {@code from} to 30 days up to it.
   */
  private Future<Scope> scope(RoutingContext ctx, boolean range) {
    Principal p = Principal.of(ctx);
    String appId = ctx.pathParam("appId");
    String fromText = range ? ctx.request().getParam("from") : null;
    String toText = range ? ctx.request().getParam("to") : null;
    LocalDate from = Dates.parseDay("from", fromText);
    LocalDate to = Dates.parseDay("to", toText);
    Db db = sc.db();
    return db.tx(s -> {
      App app = AppAccess.readable(s, p.openId(), p.admin(), appId);
      ZoneId zone = app.zone();
      LocalDate end = to != null ? to : LocalDate.ofInstant(sc.now(), zone);
      LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1L);
      if (start.isAfter(end)) {
        throw ApiException.badParameter("from (" + start + ") is after to (" + end + ")");
      }
      long days = ChronoUnit.DAYS.between(start, end) + 1;
      if (days > MAX_DAYS) {
        throw ApiException.badParameter("at most " + MAX_DAYS + " days per call, asked for " + days);
      }
      return new Scope(app.appId, zone, start, end);
    });
  }

  private static boolean wantsCsv(RoutingContext ctx) {
    String format = ctx.request().getParam("format");
    if (format != null && !format.isBlank()) {
      if (format.trim().equalsIgnoreCase("csv")) {
        return true;
      }
      if (!format.trim().equalsIgnoreCase("json")) {
        throw ApiException.badParameter("format must be json or csv, got '" + format.trim() + "'");
      }
      return false;
    }
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv");
  }

  private static void sendCsv(RoutingContext ctx, List<UsageStats.Active> rows) {
    StringBuilder out = new StringBuilder("date,dau,wau,mau,newMachines\r\n");
    for (UsageStats.Active a : rows) {
      out.append(Dates.DATE.format(a.date())).append(',').append(a.dau()).append(',').append(a.wau()).append(',')
          .append(a.mau()).append(',').append(a.newMachines()).append("\r\n");
    }
    String name = "active-" + ctx.pathParam("appId") + "-" + (rows.isEmpty() ? "" : rows.get(0).date() + "-" + rows.get(rows.size() - 1).date()) + ".csv";
    ctx.response().setStatusCode(200)
        .putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .end(out.toString());
  }
}

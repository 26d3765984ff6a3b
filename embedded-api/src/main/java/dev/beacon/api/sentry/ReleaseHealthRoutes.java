package dev.beacon.api.sentry;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Jdbc;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.shared.VersionComparator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/user/{openId}/app/{appId}/stats/sessions}: release health from Sentry sessions,
 * per release (newest version first): the sessions started, exited, errored, crashed and abnormal
 * on the days {@code from}..{@code to} (the app's days the sessions started; both optional, all
 * days without them) in {@code environment} (all without it), {@code crashFreeSessions} = 1 -
 * crashed / started, and the release's machines (sessions with a {@code did}, over the release's
 * whole life) with {@code crashFreeMachines} = the share of them none of whose sessions crashed
 * ({@code null} without sessions or machines). Developers read their own apps, admins any.
 */
final class ReleaseHealthRoutes {
  static final String PATH = "/v1/user/:openId/app/:appId/stats/sessions";

  private final ServerContext sc;

  ReleaseHealthRoutes(ServerContext sc) {
    this.sc = sc;
  }

  void mount(Routes routes) {
    routes.get(PATH).developer(this::releases);
  }

  private static final class Row {
    long started;
    long exited;
    long errored;
    long crashed;
    long abnormal;
    long machines;
    long crashedMachines;
  }

  private void releases(RoutingContext ctx) {
    Principal p = Principal.of(ctx);
    String appId = ctx.pathParam("appId");
    LocalDate from = Dates.parseDay("from", ctx.request().getParam("from"));
    LocalDate to = Dates.parseDay("to", ctx.request().getParam("to"));
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.badParameter("from (" + from + ") is after to (" + to + ")");
    }
    String environment = ctx.request().getParam("environment");
    String env = environment == null || environment.isBlank() ? null : environment.trim();
    Http.reply(ctx, sc.db().tx(s -> {
      App app = AppAccess.readable(s, p.openId(), p.admin(), appId);
      Map<String, Row> rows = s.doReturningWork(c -> {
        Map<String, Row> out = new LinkedHashMap<>();
        List<Object> args = new ArrayList<>(List.of(app.appId));
        StringBuilder where = new StringBuilder(" WHERE app_id = ?");
        if (env != null) {
          where.append(" AND environment = ?");
          args.add(env);
        }
        StringBuilder days = new StringBuilder(where);
        List<Object> dayArgs = new ArrayList<>(args);
        if (from != null) {
          days.append(" AND started_day >= ?");
          dayArgs.add(from);
        }
        if (to != null) {
          days.append(" AND started_day <= ?");
          dayArgs.add(to);
        }
        Jdbc.query(c, "SELECT release_name, SUM(started), SUM(exited), SUM(errored), SUM(crashed), SUM(abnormal)"
            + " FROM sentry_session_day" + days + " GROUP BY release_name", rs -> {
              Row r = out.computeIfAbsent(rs.getString(1), k -> new Row());
              r.started = rs.getLong(2);
              r.exited = rs.getLong(3);
              r.errored = rs.getLong(4);
              r.crashed = rs.getLong(5);
              r.abnormal = rs.getLong(6);
            }, dayArgs.toArray());
        Jdbc.query(c, "SELECT release_name, COUNT(DISTINCT machine_hash),"
            + " COUNT(DISTINCT CASE WHEN crashed THEN machine_hash END) FROM sentry_session_machine" + where + " GROUP BY release_name", rs -> {
              Row r = out.computeIfAbsent(rs.getString(1), k -> new Row());
              r.machines = rs.getLong(2);
              r.crashedMachines = rs.getLong(3);
            }, args.toArray());
        return out;
      });
      List<String> releases = new ArrayList<>(rows.keySet());
      releases.sort(Comparator.comparing((String r) -> r, VersionComparator.INSTANCE).reversed());
      JsonArray list = new JsonArray();
      for (String release : releases) {
        Row r = rows.get(release);
        list.add(new JsonObject()
            .put("release", release)
            .put("sessions", new JsonObject().put("started", r.started).put("exited", r.exited).put("errored", r.errored)
                .put("crashed", r.crashed).put("abnormal", r.abnormal))
            .put("crashFreeSessions", r.started == 0 ? null : 1.0 - (double) r.crashed / r.started)
            .put("machines", r.machines)
            .put("crashedMachines", r.crashedMachines)
            .put("crashFreeMachines", r.machines == 0 ? null : 1.0 - (double) r.crashedMachines / r.machines));
      }
      return Http.ok().put("releases", list);
    }));
  }
}

package dev.beacon.api.alerts;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.hibernate.Session;

/**
 * An app's alerts API under {@code /v1/user/{openId}/app/{appId}/alerts}: destinations (list,
 * add, edit, delete, send a test alert), rules (list, change one), and the alerts with their
 * delivery state, newest first. Own apps; an admin any app.
 */
final class AlertRoutes {
  private static final String BASE = "/v1/user/:openId/app/:appId/alerts";
  private static final int MAX_URL = 2000;
  private static final int MAX_ADDRESS = 320;
  private static final int MAX_SECRET = 200;
  private static final int MAX_NAME = 200;

  private final ServerContext sc;
  private final Rules rules;
  private final Links links;
  private final Dispatcher dispatcher;
  private final Sender sender;

  AlertRoutes(ServerContext sc, Rules rules, Links links, Dispatcher dispatcher, Sender sender) {
    this.sc = sc;
    this.rules = rules;
    this.links = links;
    this.dispatcher = dispatcher;
    this.sender = sender;
  }

  void mount(Routes routes) {
    routes.get(BASE).developer(this::alerts);
    routes.get(BASE + "/destinations").developer(ctx -> inApp(ctx, (s, app) -> Http.ok().put("destinations", destinations(s, app.appId))));
    routes.post(BASE + "/destinations").developer(this::create);
    routes.put(BASE + "/destinations/:destinationId").developer(this::update);
    routes.delete(BASE + "/destinations/:destinationId").developer(ctx -> inApp(ctx, (s, app) -> {
      s.remove(destination(s, app, ctx.pathParam("destinationId")));
      return Http.ok();
    }));
    routes.post(BASE + "/destinations/:destinationId/test").developer(this::test);
    routes.get(BASE + "/rules").developer(ctx -> inApp(ctx, (s, app) -> Http.ok().put("rules",
        new JsonArray(rules.of(s, app.appId).values().stream().map(Rules.Setting::json).toList()))));
    routes.put(BASE + "/rules/:rule").developer(this::rule);
  }

  /** Runs {@code work} in a transaction with the caller's app (any app for an admin), or 4004. */
  private void inApp(RoutingContext ctx, BiFunction<Session, App, JsonObject> work) {
    Principal p = Principal.of(ctx);
    links.saw(ctx.request().scheme(), ctx.request().authority() == null ? null : ctx.request().authority().toString());
    String appId = ctx.pathParam("appId");
    Http.reply(ctx, sc.db().tx(s -> work.apply(s, AppAccess.readable(s, p.openId(), p.admin(), appId))));
  }

  private void alerts(RoutingContext ctx) {
    Params q = Params.of(ctx);
    Integer limit = q.getInt("limit");
    int n = limit == null ? 50 : limit;
    if (n < 1 || n > 200) {
      throw ApiException.badParameter("limit must be from 1 to 200, got " + n);
    }
    String sinceText = q.get("since");
    java.time.Instant since = sinceText == null || sinceText.isBlank() ? null : Dates.parseBound("since", sinceText, false);
    inApp(ctx, (s, app) -> {
      var query = s.createSelectionQuery("from Alert a where a.appId = :a" + (since == null ? "" : " and a.createdAt >= :since")
          + " order by a.createdAt desc, a.alertId desc", Alert.class).setParameter("a", app.appId);
      if (since != null) {
        query.setParameter("since", since);
      }
      List<Alert> page = query.setMaxResults(n).getResultList();
      Map<String, AlertDestination> dests = new HashMap<>();
      s.createSelectionQuery("from AlertDestination d where d.appId = :a", AlertDestination.class).setParameter("a", app.appId)
          .getResultList().forEach(d -> dests.put(d.destinationId, d));
      Map<String, List<AlertDelivery>> deliveries = new HashMap<>();
      if (!page.isEmpty()) {
        s.createSelectionQuery("from AlertDelivery d where d.alertId in :ids", AlertDelivery.class)
            .setParameter("ids", page.stream().map(a -> a.alertId).toList()).getResultList()
            .forEach(d -> deliveries.computeIfAbsent(d.alertId, k -> new java.util.ArrayList<>()).add(d));
      }
      JsonArray out = new JsonArray();
      for (Alert a : page) {
        List<AlertDelivery> ds = deliveries.getOrDefault(a.alertId, List.of());
        out.add(new JsonObject()
            .put("alertId", a.alertId)
            .put("rule", a.rule)
            .put("event", a.event)
            .put("text", a.message)
            .put("issueId", a.issueId)
            .put("versionId", a.versionId)
            .put("createdAt", Dates.format(a.createdAt))
            .put("state", state(ds))
            .put("body", new JsonObject(a.payload))
            .put("deliveries", new JsonArray(ds.stream().map(d -> d.json(dests.get(d.destinationId))).toList())));
      }
      return Http.ok().put("alerts", out);
    });
  }

  /** An alert's state over its deliveries: failed if any failed, pending if any is pending, sent if all were sent, none without any. */
  private static String state(List<AlertDelivery> ds) {
    if (ds.isEmpty()) {
      return "none";
    }
    if (ds.stream().anyMatch(d -> AlertDelivery.FAILED.equals(d.state))) {
      return AlertDelivery.FAILED;
    }
    return ds.stream().anyMatch(d -> AlertDelivery.PENDING.equals(d.state)) ? AlertDelivery.PENDING : AlertDelivery.SENT;
  }

  private JsonArray destinations(Session s, String appId) {
    Map<String, Long> failed = new HashMap<>();
    s.createSelectionQuery("select d.destinationId, count(d) from AlertDelivery d, AlertDestination t "
            + "where d.destinationId = t.destinationId and t.appId = :a and d.state = :f group by d.destinationId", Object[].class)
        .setParameter("a", appId).setParameter("f", AlertDelivery.FAILED).getResultList()
        .forEach(r -> failed.put((String) r[0], (Long) r[1]));
    return new JsonArray(s.createSelectionQuery("from AlertDestination d where d.appId = :a order by d.createdAt, d.destinationId",
            AlertDestination.class).setParameter("a", appId).getResultList().stream()
        .map(d -> d.json(failed.getOrDefault(d.destinationId, 0L))).toList());
  }

  private AlertDestination destination(Session s, App app, String id) {
    AlertDestination d = id == null ? null : s.find(AlertDestination.class, id);
    if (d == null || !d.appId.equals(app.appId)) {
      throw ApiException.notFound("no alert destination " + id + " in app " + app.appId);
    }
    return d;
  }

  private void create(RoutingContext ctx) {
    Body b = Body.of(ctx);
    String type = b.requiredString("type", 16).trim();
    inApp(ctx, (s, app) -> {
      AlertDestination d = new AlertDestination();
      d.destinationId = Ids.newId();
      d.appId = app.appId;
      d.createdAt = sc.now();
      apply(d, type, b, true);
      s.persist(d);
      return Http.ok().put("destination", d.json(0));
    });
  }

  private void update(RoutingContext ctx) {
    Body b = Body.of(ctx);
    String type = b.optionalString("type", 16);
    inApp(ctx, (s, app) -> {
      AlertDestination d = destination(s, app, ctx.pathParam("destinationId"));
      apply(d, type == null ? d.kind : type.trim(), b, false);
      return Http.ok().put("destination", d.json(0));
    });
  }

  /** Fills a destination from a body; saving makes it active again (a webhook disabled by a 410 included). */
  private static void apply(AlertDestination d, String type, Body b, boolean created) {
    if (!AlertDestination.KINDS.contains(type)) {
      throw ApiException.badParameter("type must be one of webhook, slack, discord, email; got " + type);
    }
    boolean email = AlertDestination.EMAIL.equals(type);
    String url = b.optionalString("url", MAX_URL);
    String address = b.optionalString("address", MAX_ADDRESS);
    if (email && url != null) {
      throw ApiException.badParameter("an email destination takes an address, not a url");
    }
    if (!email && address != null) {
      throw ApiException.badParameter("a " + type + " destination takes a url, not an address");
    }
    boolean kindChanged = !created && !type.equals(d.kind) && email != d.email();
    String target = email ? address : url;
    if (target == null && (created || kindChanged)) {
      throw ApiException.badParameter(email ? "address is required for an email destination" : "url is required for a " + type + " destination");
    }
    if (target != null) {
      d.target = email ? checkedAddress(target) : checkedUrl(target);
    }
    d.kind = type;
    if (b.has("secret") && b.value("secret") != null) {
      String secret = b.optionalString("secret", MAX_SECRET);
      if (email && !secret.isEmpty()) {
        throw ApiException.badParameter("an email destination takes no secret");
      }
      d.secret = secret.isEmpty() ? null : secret;
    }
    if (email) {
      d.secret = null;
    }
    if (b.has("name") && b.value("name") != null) {
      String name = b.optionalString("name", MAX_NAME).trim();
      d.name = name.isEmpty() ? null : name;
    }
    d.state = AlertDestination.ACTIVE;
    d.stateReason = null;
  }

  private static String checkedUrl(String text) {
    String t = text.trim();
    try {
      URI u = new URI(t);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isEmpty()) {
        return t;
      }
    } catch (java.net.URISyntaxException e) {
      // answered below
    }
    throw ApiException.badParameter("url must be an http or https address, got " + t);
  }

  private static String checkedAddress(String text) {
    String t = text.trim();
    if (!t.matches("[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;]+")) {
      throw ApiException.badParameter("address must be an e-mail address, got " + t);
    }
    return t;
  }

  private void rule(RoutingContext ctx) {
    RuleName name = RuleName.of(ctx.pathParam("rule"));
    Body b = Body.of(ctx);
    Principal p = Principal.of(ctx);
    String appId = ctx.pathParam("appId");
    Future<JsonObject> done = sc.db().tx(s -> {
      App app = AppAccess.readable(s, p.openId(), p.admin(), appId);
      Rules.Setting changed = rules.of(s, app.appId, name).with(b);
      return Http.ok().put("rule", rules.save(s, app.appId, changed).json());
    });
    Http.reply(ctx, done.onComplete(r -> rules.forget(appId)));
  }

  /** Sends a test alert to one destination now and answers how it went (a 410 disables a webhook). */
  private void test(RoutingContext ctx) {
    Principal p = Principal.of(ctx);
    String appId = ctx.pathParam("appId");
    String id = ctx.pathParam("destinationId");
    links.saw(ctx.request().scheme(), ctx.request().authority() == null ? null : ctx.request().authority().toString());
    Http.reply(ctx, sc.db().tx(s -> {
      App app = AppAccess.readable(s, p.openId(), p.admin(), appId);
      AlertDestination d = destination(s, app, id);
      Alert a = new Alert();
      a.alertId = Ids.newId();
      a.appId = app.appId;
      a.rule = "test";
      a.event = "test";
      a.createdAt = sc.now();
      a.message = "Test alert from Beacon for " + app.name + ": this destination works.";
      return new Object[] {d, Outbox.payload(a, app.name, null, null)};
    }).compose(pair -> {
      AlertDestination d = (AlertDestination) pair[0];
      return dispatcher.smtpIf(d).compose(smtp -> sender.send(d, (JsonObject) pair[1], smtp,
          ((JsonObject) pair[1]).getString("alertId") + "-" + d.destinationId)).compose(r -> sc.db().tx(s -> {
        if (r.gone()) {
          Dispatcher.disable(s, d.destinationId, "the webhook answered 410 Gone to a test on " + Dates.format(sc.now()) + ": save it again to use it");
        }
        AlertDestination now = s.find(AlertDestination.class, d.destinationId);
        return Http.ok().put("sent", r.sent()).put("detail", r.detail()).put("destination", now == null ? null : now.json(0));
      }));
    }));
  }
}

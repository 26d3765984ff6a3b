package dev.beacon.api.errors;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.ListQuery;
import dev.beacon.api.core.Page;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.shared.VersionComparator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * A developer's view of their apps' issues, under {@code /v1/user/{openId}/app/{appId}/issues}:
 * the list, one issue with its newest event and counts, its events, and the status actions. The
 * auth guard has checked the caller; {@link AppAccess#owned} keeps them to their own apps.
 */
final class IssueRoutes {
  static final String BASE = "/v1/user/:openId/app/:appId/issues";
  /** The days of an issue's daily counts, today included. */
  static final int DAYS = 30;
  private static final List<String> ACTIONS = List.of("resolve", "ignore", "reopen");

  private final ServerContext sc;

  IssueRoutes(ServerContext sc) {
    this.sc = sc;
  }

  void mount(Routes routes) {
    routes.get(BASE).developer(this::list);
    routes.get(BASE + "/:issueId").developer(this::detail);
    routes.get(BASE + "/:issueId/events").developer(this::events);
    routes.post(BASE + "/:issueId/action").developer(this::action);
  }

  private void list(RoutingContext ctx) {
    IssueQuery query = IssueQuery.of(Params.of(ctx));
    inApp(ctx, (s, app) -> {
      Page<ErrorIssue> page = query.run(s, app.appId);
      Map<String, List<IssueVersion>> versions = IssueVersion.of(s, page.items().stream().map(i -> i.issueId).toList());
      return Http.ok()
          .put("totalCount", page.totalCount())
          .put("issues", new JsonArray(page.items().stream().map(i -> i.json(IssueVersion.names(versions, i.issueId))).toList()));
    });
  }

  private void detail(RoutingContext ctx) {
    String issueId = ctx.pathParam("issueId");
    inApp(ctx, (s, app) -> {
      ErrorIssue issue = issue(s, app, issueId, false);
      List<IssueVersion> versions = IssueVersion.of(s, List.of(issueId)).getOrDefault(issueId, List.of());
      ErrorEvent latest = s.createSelectionQuery("from ErrorEvent e where e.issueId = :i order by e.createdAt desc, e.id desc", ErrorEvent.class)
          .setParameter("i", issueId).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
      return Http.ok()
          .put("issue", issue.json(versions.stream().map(v -> v.appVersion).toList()))
          .put("latestEvent", latest == null ? null : eventJson(latest))
          .put("versionCounts", new JsonArray(versions.stream().map(IssueVersion::json).toList()))
          .put("dailyCounts", dailyCounts(s, issueId));
    });
  }

  private void events(RoutingContext ctx) {
    String issueId = ctx.pathParam("issueId");
    Paging paging = Paging.from(Params.of(ctx), ErrorLogQuery.ORDER);
    inApp(ctx, (s, app) -> {
      issue(s, app, issueId, false);
      Page<ErrorEvent> page = ListQuery.of(ErrorEvent.class, "e").equal("e.issueId", issueId).page(s, ErrorEvent.class, paging);
      return Http.ok()
          .put("totalCount", page.totalCount())
          .put("events", new JsonArray(page.items().stream().map(IssueRoutes::eventJson).toList()));
    });
  }

  private void action(RoutingContext ctx) {
    String issueId = ctx.pathParam("issueId");
    Body b = Body.of(ctx);
    List<String> asked = ACTIONS.stream().filter(b::has).toList();
    if (asked.size() != 1) {
      throw ApiException.badParameter("the body must be one of {\"resolve\":null}, {\"ignore\":null} or {\"reopen\":null}");
    }
    inApp(ctx, (s, app) -> {
      ErrorIssue issue = issue(s, app, issueId, true);
      List<String> versions = IssueVersion.names(IssueVersion.of(s, List.of(issueId)), issueId);
      switch (asked.get(0)) {
        case "resolve" -> issue.resolve(sc.now(), versions.stream().max(VersionComparator.INSTANCE).orElse(null));
        case "ignore" -> issue.ignore();
        default -> issue.reopen();
      }
      return Http.ok().put("issue", issue.json(versions));
    });
  }

  /** Work on one of the caller's apps (4004 for anyone else's), in a transaction on the db worker. */
  private void inApp(RoutingContext ctx, AppWork work) {
    String openId = Principal.of(ctx).openId();
    String appId = ctx.pathParam("appId");
    Http.reply(ctx, sc.db().tx(s -> work.run(s, AppAccess.owned(s, openId, appId))));
  }

  @FunctionalInterface
  private interface AppWork {
    JsonObject run(Session s, App app);
  }

  /** The app's issue, or 4004; locked for writing when it is about to change. */
  private static ErrorIssue issue(Session s, App app, String issueId, boolean lock) {
    ErrorIssue issue = lock ? s.find(ErrorIssue.class, issueId, LockModeType.PESSIMISTIC_WRITE) : s.find(ErrorIssue.class, issueId);
    if (issue == null || !issue.appId.equals(app.appId)) {
      throw ApiException.notFound("no issue " + issueId + " in app " + app.appId);
    }
    return issue;
  }

  /** An event of an issue: the stored details and the machine's hash. */
  private static JsonObject eventJson(ErrorEvent e) {
    return e.json().put("machineHash", e.machineId);
  }

  /** The issue's events per day for the last {@value #DAYS} days, oldest first, days without any as 0. */
  private JsonArray dailyCounts(Session s, String issueId) {
    LocalDate today = LocalDate.ofInstant(sc.now(), Dates.zone());
    LocalDate first = today.minusDays(DAYS - 1L);
    Map<LocalDate, Long> counts = s.createSelectionQuery("from IssueDay d where d.issueId = :i and d.day >= :first", IssueDay.class)
        .setParameter("i", issueId)
        .setParameter("first", first)
        .getResultList().stream()
        .collect(Collectors.toMap(d -> d.day, d -> d.eventCount));
    JsonArray days = new JsonArray();
    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      days.add(new JsonObject().put("day", Dates.DATE.format(d)).put("count", counts.getOrDefault(d, 0L)));
    }
    return days;
  }
}

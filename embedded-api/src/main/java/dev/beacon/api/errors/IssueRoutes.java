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
  private final Attachments attachments;

  IssueRoutes(ServerContext sc, Attachments attachments) {
    this.sc = sc;
    this.attachments = attachments;
  }

  void mount(Routes routes) {
    routes.get(BASE).developer(this::list);
    routes.get(BASE + "/:issueId").developer(this::detail);
    routes.get(BASE + "/:issueId/events").developer(this::events);
    routes.post(BASE + "/:issueId/action").developer(this::action);
    routes.get("/v1/user/:openId/app/:appId/attachments/:attachmentId").developer(this::attachment);
  }

  /** Downloads an attachment of one of the caller's apps' events (4004 for anyone else's, or once pruned). */
  private void attachment(RoutingContext ctx) {
    String attachmentId = ctx.pathParam("attachmentId");
    String openId = Principal.of(ctx).openId();
    String appId = ctx.pathParam("appId");
    sc.db().tx(s -> {
      App app = AppAccess.owned(s, openId, appId);
      ErrorAttachment a = attachments.file(attachmentId) == null ? null : s.find(ErrorAttachment.class, attachmentId);
      if (a == null || !a.appId.equals(app.appId)) {
        throw ApiException.notFound("no attachment " + attachmentId + " in app " + appId);
      }
      return a;
    }).onSuccess(a -> {
      String name = a.filename.replaceAll("[^A-Za-z0-9._-]", "_");
      ctx.response()
          .putHeader("Content-Type", "application/octet-stream")
          .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
          .putHeader("X-Content-Type-Options", "nosniff")
          .sendFile(attachments.file(a.attachmentId).toString())
          .onFailure(err -> {
            if (!ctx.response().headWritten()) {
              ctx.fail(ApiException.notFound("the attachment's file is gone"));
            }
          });
    }).onFailure(ctx::fail);
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
          .put("latestEvent", latest == null ? null : eventJson(latest, attachmentsOf(s, List.of(latest)), true))
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
      Map<Long, List<ErrorAttachment>> files = attachmentsOf(s, page.items());
      return Http.ok()
          .put("totalCount", page.totalCount())
          .put("events", new JsonArray(page.items().stream().map(e -> eventJson(e, files, true)).toList()));
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

  /**
   * An event of an issue: the stored fields, the machine's hash, and for a Sentry event its tags,
   * contexts, user, breadcrumbs and sdk (each {@code null} when the event has none) and its
   * attachments.
   */
  private static JsonObject eventJson(ErrorEvent e, Map<Long, List<ErrorAttachment>> files, boolean details) {
    JsonObject j = e.json().put("machineHash", e.machineId);
    if (details) {
      JsonObject d = e.detailsJson();
      for (String k : List.of("tags", "contexts", "user", "breadcrumbs", "sdk")) {
        j.put(k, d.getValue(k));
      }
    }
    j.put("attachments", new JsonArray(files.getOrDefault(e.id, List.of()).stream().map(ErrorAttachment::json).toList()));
    return j;
  }

  /** The attachments of these events, by event. */
  private static Map<Long, List<ErrorAttachment>> attachmentsOf(Session s, List<ErrorEvent> events) {
    List<Long> ids = events.stream().map(e -> e.id).toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    return s.createSelectionQuery("from ErrorAttachment a where a.eventId in :ids order by a.filename", ErrorAttachment.class)
        .setParameter("ids", ids).getResultList().stream()
        .collect(Collectors.groupingBy(a -> a.eventId));
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

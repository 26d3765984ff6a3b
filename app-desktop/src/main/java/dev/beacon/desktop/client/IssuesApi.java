package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Error tracking over a signed-in client: an app's issues ({@code .../app/{appId}/issues}), an
 * issue's detail, events and actions, and the raw error logs ({@code /v1/user/{openId}/logs}).
 * Blocking.
 */
public final class IssuesApi {
  private final BeaconClient client;

  public IssuesApi(BeaconClient client) {
    this.client = client;
  }

  private String issues(String appId) {
    return client.userPath("app/" + appId + "/issues");
  }

  /** One page of the app's issues under {@code filter}. */
  public Page<Issue> list(String appId, IssueFilter filter, int pageNo, int pageSize) throws ApiError {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("pageNo", pageNo);
    q.put("pageSize", pageSize);
    q.put("orderBy", filter.order() + ":desc");
    q.put("status", filter.status());
    q.put("version", Json.blankToNull(filter.version()));
    q.put("environment", Json.blankToNull(filter.environment()));
    q.put("q", Json.blankToNull(filter.search()));
    q.put("since", filter.since() == null ? null : filter.since().toString());
    q.put("until", filter.until() == null ? null : filter.until().toString());
    JsonObject j = client.get(issues(appId), q);
    return page(j, "issues", Issue::from);
  }

  /** The issue with its newest event and its counts per version and per day. */
  public IssueDetail detail(String appId, String issueId) throws ApiError {
    return IssueDetail.from(client.get(issues(appId) + "/" + issueId, Map.of()));
  }

  /** The issue's newest {@code count} events, newest first. */
  public List<ErrorEvent> events(String appId, String issueId, int count) throws ApiError {
    JsonObject j = client.get(issues(appId) + "/" + issueId + "/events", Map.of("pageNo", 1, "pageSize", count));
    return Json.objects(j, "events").stream().map(ErrorEvent::from).toList();
  }

  /** What an issue's action does: resolve it, ignore it, or reopen it. */
  public enum Action { RESOLVE, IGNORE, REOPEN }

  /** Saves an attachment of one of the app's events to {@code target}. */
  public void download(String appId, ErrorEvent.Attachment attachment, java.nio.file.Path target) throws ApiError {
    client.download(client.userPath("app/" + appId + "/attachments/" + attachment.attachmentId()), target);
  }

  /** Acts on the issue; returns it as it is now. */
  public Issue act(String appId, String issueId, Action action) throws ApiError {
    JsonObject j = client.post(issues(appId) + "/" + issueId + "/action",
        new JsonObject().putNull(action.name().toLowerCase(java.util.Locale.ROOT)));
    return Issue.from(j.getJsonObject("issue", new JsonObject()));
  }

  /**
   * One page of the app's raw error logs, newest first: of {@code version} when not blank, logged
   * from the start of {@code since} to the end of {@code until} (days in this computer's zone; null
   * for open ends).
   */
  public Page<ErrorEvent> logs(String appId, String version, LocalDate since, LocalDate until, int pageNo, int pageSize)
      throws ApiError {
    ZoneId zone = ZoneId.systemDefault();
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("appId", appId);
    q.put("pageNo", pageNo);
    q.put("pageSize", pageSize);
    q.put("appVersion", Json.blankToNull(version));
    q.put("after", since == null ? null : since.atStartOfDay(zone).toEpochSecond());
    q.put("before", until == null ? null : until.plusDays(1).atStartOfDay(zone).toEpochSecond() - 1);
    return page(client.get(client.userPath("logs"), q), "errlogList", ErrorEvent::from);
  }

  private static <T> Page<T> page(JsonObject j, String key, java.util.function.Function<JsonObject, T> from) {
    List<T> items = Json.objects(j, key).stream().map(from).toList();
    return new Page<>(items, j.getInteger("totalCount", items.size()));
  }

  /** A curl command that sends a test error report with {@code appKey} to the server at {@code baseUrl}. */
  public static String testReportCurl(String baseUrl, String appKey) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return "curl -X POST " + base + "/api/v1/error/report -H \"Content-Type: application/json\" -d '"
        + new JsonObject().put("app_key", appKey).put("machine_id", "test-machine").put("software_version", "1.0.0")
            .put("error_type", "TestError").put("error_message", "a test report from curl")
            .put("error_stack", "at Main.main(Main.java:1)").encode()
        + "'";
  }
}

package dev.beacon.desktop.errors;

import dev.beacon.desktop.client.ApiError;
import dev.beacon.desktop.client.BeaconClient;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The error-tracking routes the Errors screen uses, over a signed-in client. Blocking. */
final class IssuesApi {
  private final BeaconClient client;

  IssuesApi(BeaconClient client) {
    this.client = client;
  }

  private String issues(String appId) {
    return "v1/user/" + client.openId() + "/app/" + appId + "/issues";
  }

  /** {@code GET .../issues}: {totalCount, issues[]}. */
  JsonObject list(String appId, Map<String, ?> query) throws ApiError {
    return client.get(issues(appId), query);
  }

  /** {@code GET .../issues/{id}}: {issue, latestEvent, versionCounts[], dailyCounts[]}. */
  JsonObject detail(String appId, String issueId) throws ApiError {
    return client.get(issues(appId) + "/" + issueId, Map.of());
  }

  /** {@code GET .../issues/{id}/events}, newest first: {totalCount, events[]}. */
  JsonObject events(String appId, String issueId, int pageSize) throws ApiError {
    return client.get(issues(appId) + "/" + issueId + "/events", Map.of("pageNo", 1, "pageSize", pageSize));
  }

  /** {@code POST .../issues/{id}/action} with {@code {"resolve"|"ignore"|"reopen": null}}: {issue}. */
  JsonObject act(String appId, String issueId, String action) throws ApiError {
    return client.post(issues(appId) + "/" + issueId + "/action", new JsonObject().putNull(action));
  }

  /** {@code GET /v1/user/{openId}/logs}: {totalCount, errlogList[]}. */
  JsonObject logs(Map<String, ?> query) throws ApiError {
    return client.get("v1/user/" + client.openId() + "/logs", query);
  }
}

package dev.beacon.api.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Sending errors and reading issues over HTTP, for the issue tests. */
final class IssueFixtures {
  static final String REPORT = "/api/v1/error/report";
  static final String LOGS = "/v1/logs";

  private IssueFixtures() {}

  /** A family A error report. */
  static JsonObject report(TestApps.Created app, String type, String message, String stack, String version, String machine) {
    return new JsonObject()
        .put("app_key", app.appKey())
        .put("machine_id", machine)
        .put("software_version", version)
        .put("error_type", type)
        .put("error_message", message)
        .put("error_stack", stack)
        .put("os_info", "Windows 11 Pro 10.0.22631");
  }

  /** A family B error log. */
  static JsonObject log(TestApps.Created app, String context, String version, String deviceId) {
    return new JsonObject()
        .put("appId", app.appId())
        .put("appKey", app.appKey())
        .put("appVersion", version)
        .put("deviceId", deviceId)
        .put("appPackage", "com.acme.app")
        .put("context", context);
  }

  /** Sends a report and returns the issue it was grouped into. */
  static String reported(TestServer server, JsonObject report) {
    Resp r = server.anonymous().post(REPORT, report);
    assertEquals(200, r.status(), r::toString);
    String issueId = r.json().getJsonObject("data").getString("issueId");
    assertTrue(issueId != null && issueId.matches("[0-9a-f]{32}"), r::toString);
    return issueId;
  }

  static String issuesPath(Api dev, String appId) {
    return "/v1/user/" + dev.openId + "/app/" + appId + "/issues";
  }

  /** {@code GET .../issues?query}, which must succeed. */
  static JsonObject list(Api dev, String appId, String query) {
    Resp r = dev.get(issuesPath(dev, appId) + (query.isEmpty() ? "" : "?" + query));
    assertEquals(200, r.status(), r::toString);
    assertEquals(1000, r.code(), r::toString);
    return r.json();
  }

  /** The issue ids of a list answer, in its order. */
  static List<String> ids(JsonObject list) {
    return list.getJsonArray("issues").stream().map(o -> ((JsonObject) o).getString("issueId")).toList();
  }

  /** {@code GET .../issues/{issueId}}, which must succeed. */
  static JsonObject detail(Api dev, String appId, String issueId) {
    Resp r = dev.get(issuesPath(dev, appId) + "/" + issueId);
    assertEquals(200, r.status(), r::toString);
    assertEquals(1000, r.code(), r::toString);
    return r.json();
  }

  /** {@code POST .../issues/{issueId}/action {"<action>":null}}. */
  static Resp act(Api dev, String appId, String issueId, String action) {
    return dev.post(issuesPath(dev, appId) + "/" + issueId + "/action", new JsonObject().putNull(action));
  }

  static void assertError(Resp r, int status, int code, String msgPart) {
    assertEquals(status, r.status(), r::toString);
    assertEquals(code, r.code(), r::toString);
    assertTrue(r.msg().contains(msgPart), r::toString);
  }
}

package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An app's alerts over a signed-in client ({@code .../app/{appId}/alerts}): rules, destinations
 * (with the test button) and the alerts with their delivery state; and (admins) the server's SMTP
 * account that sends the e-mail ones. Blocking.
 */
public final class AlertsApi {
  private final BeaconClient client;

  public AlertsApi(BeaconClient client) {
    this.client = client;
  }

  private String base(String appId) {
    return client.userPath("app/" + appId + "/alerts");
  }

  public List<AlertRule> rules(String appId) throws ApiError {
    return Json.list(client.get(base(appId) + "/rules", Map.of()), "rules", AlertRule::from);
  }

  public AlertRule save(String appId, AlertRule rule) throws ApiError {
    return AlertRule.from(client.put(base(appId) + "/rules/" + rule.rule(), rule.body()).getJsonObject("rule"));
  }

  public List<AlertDestination> destinations(String appId) throws ApiError {
    return Json.list(client.get(base(appId) + "/destinations", Map.of()), "destinations", AlertDestination::from);
  }

  /**
   * Adds ({@code destinationId} null) or changes a destination: type webhook|slack|discord|email,
   * the URL or address, a secret (null keeps it, "" removes it) and a name.
   */
  public AlertDestination save(String appId, String destinationId, String type, String target, String secret, String name)
      throws ApiError {
    JsonObject b = new JsonObject().put("type", type).put("email".equals(type) ? "address" : "url", target)
        .put("name", name == null ? "" : name);
    if (secret != null) {
      b.put("secret", secret);
    }
    JsonObject j = destinationId == null ? client.post(base(appId) + "/destinations", b)
        : client.put(base(appId) + "/destinations/" + destinationId, b);
    return AlertDestination.from(j.getJsonObject("destination"));
  }

  public void delete(String appId, String destinationId) throws ApiError {
    client.delete(base(appId) + "/destinations/" + destinationId);
  }

  /** What a test alert gave: sent or not, and the detail ("HTTP 200", the error). */
  public record TestResult(boolean sent, String detail) {}

  public TestResult test(String appId, String destinationId) throws ApiError {
    JsonObject j = client.post(base(appId) + "/destinations/" + destinationId + "/test", new JsonObject());
    return new TestResult(Json.flag(j, "sent"), Json.text(j, "detail"));
  }

  /** The app's newest {@code limit} alerts, newest first. */
  public List<Alert> alerts(String appId, int limit) throws ApiError {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("limit", limit);
    return Json.list(client.get(base(appId), q), "alerts", o -> Alert.from(appId, o));
  }

  private static final String SMTP = "v1/admin/alerts/smtp";

  /** {@code GET /v1/admin/alerts/smtp} (admins): the SMTP account, or null when none is set. */
  public SmtpSettings smtp() throws ApiError {
    JsonObject o = client.get(SMTP, Map.of()).getJsonObject("smtp");
    return o == null ? null : SmtpSettings.from(o);
  }

  /**
   * {@code PUT /v1/admin/alerts/smtp} (admins): sets the SMTP account. A blank {@code user} signs
   * in as no one; {@code password} null keeps the stored one, "" removes it.
   */
  public SmtpSettings saveSmtp(String host, int port, String security, String user, String password, String from)
      throws ApiError {
    JsonObject b = new JsonObject().put("host", host).put("port", port).put("security", security)
        .put("user", user == null ? "" : user).put("from", from);
    if (password != null) {
      b.put("password", password);
    }
    return SmtpSettings.from(client.put(SMTP, b).getJsonObject("smtp"));
  }
}

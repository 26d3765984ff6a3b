package dev.beacon.api.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Apps, destinations, error reports and alert lists over HTTP, for the alert tests. */
final class AlertFixtures {
  private AlertFixtures() {}

  /**
   * Starts a test server with these {@code beacon.alerts.*} system properties (short waits for the
   * tests), set before it starts since the alert feature reads them when it starts; {@link #clear}
   * them once it is closed.
   */
  static TestServer startWith(Map<String, String> properties) throws Exception {
    properties.forEach(System::setProperty);
    return TestServer.start();
  }

  static void clear(Map<String, String> properties) {
    properties.keySet().forEach(System::clearProperty);
  }

  static String alerts(Api dev, String appId) {
    return "/v1/user/" + dev.openId + "/app/" + appId + "/alerts";
  }

  static JsonObject ok(Resp r) {
    assertEquals(200, r.status(), r::toString);
    assertEquals(1000, r.code(), r::toString);
    return r.json();
  }

  /** Adds a destination and returns it as answered. */
  static JsonObject destination(Api dev, String appId, JsonObject body) {
    return ok(dev.post(alerts(dev, appId) + "/destinations", body)).getJsonObject("destination");
  }

  static JsonObject rule(Api dev, String appId, String rule, JsonObject body) {
    return ok(dev.put(alerts(dev, appId) + "/rules/" + rule, body)).getJsonObject("rule");
  }

  /** The app's alerts, newest first. */
  static List<JsonObject> list(Api dev, String appId) {
    JsonArray a = ok(dev.get(alerts(dev, appId) + "?limit=200")).getJsonArray("alerts");
    return a.stream().map(o -> (JsonObject) o).toList();
  }

  static List<JsonObject> list(Api dev, String appId, String rule) {
    return list(dev, appId).stream().filter(a -> rule.equals(a.getString("rule"))).toList();
  }

  /** Sends a family A error report and returns its issue id. */
  static String report(TestServer server, TestApps.Created app, String type, String message, String version, String machine) {
    Resp r = server.anonymous().post("/api/v1/error/report", new JsonObject()
        .put("app_key", app.appKey())
        .put("machine_id", machine)
        .put("software_version", version)
        .put("error_type", type)
        .put("error_message", message)
        .put("error_stack", type + ": " + message + "\n\tat com.acme.Billing.charge(Billing.java:42)\n\tat com.acme.Main.main(Main.java:7)")
        .put("os_info", "Windows 11"));
    assertEquals(200, r.status(), r::toString);
    return r.json().getJsonObject("data").getString("issueId");
  }

  /** Waits (up to a minute) until {@code done} holds: deliveries happen in the background. */
  static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("gave up waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}

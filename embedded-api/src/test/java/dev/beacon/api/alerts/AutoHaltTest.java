package dev.beacon.api.alerts;

import static dev.beacon.api.alerts.AlertFixtures.await;
import static dev.beacon.api.alerts.AlertFixtures.list;
import static dev.beacon.api.alerts.AlertFixtures.ok;
import static dev.beacon.api.alerts.AlertFixtures.report;
import static dev.beacon.api.alerts.AlertFixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rollout_health rule on real figures (heartbeats and error reports): a version in a partial
 * rollout whose error-free machines fall below the threshold is alerted on and, with auto-halt,
 * halted through the release action; the version check then answers the previous version.
 */
class AutoHaltTest {
  private static TestServer server;
  private static Api dev;

  @BeforeAll
  static void setUp() throws Exception {
    System.setProperty("beacon.alerts.rollout-check-ms", "200");
    server = TestServer.start(c -> c.clientRatePerIp(0).clientRatePerKey(0));
    dev = server.newDeveloper();
  }

  @AfterAll
  static void tearDown() throws Exception {
    server.close();
    System.clearProperty("beacon.alerts.rollout-check-ms");
  }

  @Test
  void aBadRolloutIsHaltedByBeaconAndTheCheckAnswersThePreviousVersion() throws Exception {
    TestApps.Created app = TestApps.create(dev);
    String versions = "/v1/user/" + dev.openId + "/app/" + app.appId() + "/version";
    String v1 = version(versions, "1.0.0", 100);
    action(versions, v1, new JsonObject().putNull("release"));
    String v2 = version(versions, "2.0.0", 200);
    action(versions, v2, new JsonObject().put("release", new JsonObject().put("rollout", 50)));
    // four machines run 2.0.0, three of them hit errors: 25% error-free
    for (int m = 1; m <= 4; m++) {
      beat(app, "m" + m, "2.0.0");
    }
    for (int m = 1; m <= 3; m++) {
      report(server, app, "OutOfMemoryError", "heap", "2.0.0", "m" + m);
    }
    rule(dev, app.appId(), "rollout_health", new JsonObject().put("enabled", true).put("threshold", 0.9)
        .put("minMachines", 4).put("autoHalt", true));

    await("the halt", () -> "halted".equals(state(versions, v2)));
    JsonArray history = ok(dev.get(versions + "/" + v2 + "/history")).getJsonArray("history");
    JsonObject halt = history.getJsonObject(history.size() - 1);
    assertEquals("halt", halt.getString("action"));
    assertEquals("beacon", halt.getString("openId"), "made by Beacon");
    assertTrue(halt.getString("comment").contains("error-free machines 25.0%"), halt::encode);
    assertTrue(halt.getString("comment").contains("4 machines"), halt::encode);

    await("the alert", () -> !list(dev, app.appId(), "rollout_health").isEmpty());
    List<JsonObject> alerts = list(dev, app.appId(), "rollout_health");
    assertEquals(1, alerts.size());
    assertEquals("rollout_halted", alerts.get(0).getString("event"));
    assertEquals(v2, alerts.get(0).getString("versionId"));
    JsonObject version = alerts.get(0).getJsonObject("body").getJsonObject("version");
    assertTrue(version.getBoolean("halted"));
    assertEquals(0.25, version.getDouble("errorFreeRate"), 1e-9);

    // a machine that does not have 2.0.0 is offered 1.0.0
    Resp check = server.anonymous().post("/api/v1/version/check", new JsonObject().put("app_key", app.appKey())
        .put("current_version", "0.9.0").put("machine_id", "newcomer").put("platform", "windows"));
    assertEquals(200, check.status(), check::toString);
    assertEquals("1.0.0", check.json().getJsonObject("data").getString("latest_version"), check::toString);
  }

  @Test
  void withoutAutoHaltTheRolloutIsOnlyAlerted() throws Exception {
    TestApps.Created app = TestApps.create(dev);
    String versions = "/v1/user/" + dev.openId + "/app/" + app.appId() + "/version";
    String v3 = version(versions, "3.0.0", 300);
    action(versions, v3, new JsonObject().put("release", new JsonObject().put("rollout", 20)));
    beat(app, "a", "3.0.0");
    beat(app, "b", "3.0.0");
    report(server, app, "StackOverflowError", "deep", "3.0.0", "a");
    rule(dev, app.appId(), "rollout_health", new JsonObject().put("enabled", true).put("threshold", 0.9).put("minMachines", 2));

    await("the alert", () -> !list(dev, app.appId(), "rollout_health").isEmpty());
    assertEquals("rollout_health", list(dev, app.appId(), "rollout_health").get(0).getString("event"));
    assertEquals("rolling", state(versions, v3), "auto-halt is off");
    assertFalse(list(dev, app.appId(), "rollout_health").get(0).getJsonObject("body").getJsonObject("version").getBoolean("halted"));
  }

  private static String version(String versions, String name, int code) {
    return ok(dev.post(versions, new JsonObject().put("name", name).put("code", code)
        .put("url", "https://dl.example.com/app-" + name + ".zip").put("md5", "md5-of-" + name))).getString("versionId");
  }

  private static String state(String versions, String id) {
    return ok(dev.get(versions + "/" + id)).getJsonObject("appVersion").getString("state");
  }

  private static void action(String versions, String id, JsonObject body) {
    ok(dev.post(versions + "/" + id + "/action", body));
  }

  private static void beat(TestApps.Created app, String machine, String version) {
    Resp r = server.anonymous().post("/api/v1/user/heartbeat",
        new JsonObject().put("app_key", app.appKey()).put("machine_id", machine).put("version", version));
    assertEquals(200, r.status(), r::toString);
  }
}

package dev.beacon.api.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.headless.ServerProcess;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox survives a crash: the packaged server takes an error report (its alert committed with
 * it), starts delivering it to a webhook that holds the request, and is killed with SIGKILL before
 * the answer; the server started again on the same data folder delivers the alert.
 */
class AlertOutboxCrashIT {
  private static final String PASSWORD = "alert-crash-password";

  @TempDir Path data;

  @Test
  void anAlertInFlightAtKill9IsDeliveredAfterTheRestart() throws Exception {
    Map<String, String> env = Map.of("BEACON_ADMIN_PASSWORD", PASSWORD, "JAVA_TOOL_OPTIONS", "-Dbeacon.alerts.poll-ms=200");
    try (Hooks hooks = new Hooks()) {
      hooks.hold("/crash");
      ServerProcess first = ServerProcess.launch(data, env);
      Api admin = signIn(first);
      JsonObject app = admin.post("/v1/user/" + admin.openId + "/app", new JsonObject().put("name", "crashy").put("platform", 3))
          .json().getJsonObject("app");
      String appId = app.getString("appId");
      admin.post("/v1/user/" + admin.openId + "/app/" + appId + "/alerts/destinations",
          new JsonObject().put("type", "webhook").put("url", hooks.url("/crash")));
      Resp report = admin.anonymous().post("/api/v1/error/report", new JsonObject().put("app_key", app.getString("appKey"))
          .put("machine_id", "m1").put("software_version", "1.0.0").put("error_type", "NullPointerException")
          .put("error_message", "boom").put("error_stack", "at com.acme.Main.run(Main.java:1)").put("os_info", "Linux"));
      assertEquals(200, report.status(), report::toString);

      AlertFixtures.await("the first try", () -> !hooks.hits("/crash").isEmpty());
      first.kill();
      hooks.release("/crash");
      String alertId = hooks.hits("/crash").get(0).json().getString("alertId");

      ServerProcess second = ServerProcess.launch(data, env);
      try {
        AlertFixtures.await("the delivery after the restart", () -> hooks.hits("/crash").size() >= 2);
        assertEquals(alertId, hooks.hits("/crash").get(1).json().getString("alertId"), "the same alert");
        Api again = signIn(second);
        AlertFixtures.await("the delivery recorded", () -> "sent".equals(again.unchecked()
            .get("/v1/user/" + again.openId + "/app/" + appId + "/alerts").json().getJsonArray("alerts").getJsonObject(0).getString("state")));
      } finally {
        second.kill();
      }
    }
  }

  private static Api signIn(ServerProcess server) {
    Api anon = new Api(server.base(), null, null).unchecked();
    Resp login = anon.post("/v1/auth/login", new JsonObject().put("account", "admin").put("password", PASSWORD));
    assertEquals(200, login.status(), login::toString);
    return anon.as(login.json().getString("openId"), login.json().getString("token"));
  }
}

package dev.beacon.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatsAndErrorsSurviveRestartTest {
  @Test
  void heartbeatsAndBothKindsOfErrorsAreKeptAcrossARestart() throws Exception {
    try (TestServer server = TestServer.start()) {
      Api dev = server.newDeveloper();
      TestApps.Created app = TestApps.create(dev);
      JsonObject beat = new JsonObject().put("app_key", app.appKey()).put("machine_id", "m-1").put("version", "1.0.0");
      assertEquals(200, server.anonymous().post("/api/v1/user/heartbeat", beat).status());
      assertEquals(200, server.anonymous().post("/api/v1/error/report", new JsonObject().put("app_key", app.appKey())
          .put("machine_id", "m-1").put("software_version", "1.0.0").put("error_type", "Boom").put("error_message", "before restart")
          .put("error_stack", "").put("os_info", "Linux")).status());
      assertEquals(1000, server.anonymous().post("/v1/logs", new JsonObject().put("appId", app.appId()).put("appKey", app.appKey())
          .put("appVersion", "1.0.0").put("deviceId", "d").put("appPackage", "p").put("context", "log before restart")).code());
      String hashBefore = (String) TestApps.machineDays(server, app.appId()).get(0).get("MACHINE_HASH");

      server.restart();

      Api again = new Api(server.base(), dev.openId, dev.token);
      Resp list = again.get("/v1/user/" + dev.openId + "/logs?orderBy=createDate:asc");
      assertEquals(1000, list.code(), list::toString);
      assertEquals(List.of("Boom: before restart", "log before restart"), list.json().getJsonArray("errlogList").stream()
          .map(o -> ((JsonObject) o).getString("context")).toList());

      assertEquals(200, server.anonymous().post("/api/v1/user/heartbeat", beat).status());
      List<Object> hashes = TestApps.machineDays(server, app.appId()).stream().map(r -> r.get("MACHINE_HASH")).toList();
      assertEquals(List.of(hashBefore), hashes, "the machine is kept and hashes the same after a restart: still one machine-day");
    }
  }
}

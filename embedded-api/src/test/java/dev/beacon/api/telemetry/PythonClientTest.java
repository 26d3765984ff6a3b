package dev.beacon.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Processes;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Runs the telemetry API's example Python client ({@code src/examples/python/beacon_client.py}, with
 * only its two constants taken from the environment) against a real server: a heartbeat, a version
 * check that finds a released update, and an error report, each answered as the API documents.
 */
class PythonClientTest {
  static final Path SCRIPT = Path.of("..", "src", "examples", "python", "beacon_client.py").toAbsolutePath().normalize();

  /**
   * Whether to run: always in CI (where .ci/run installs python3 and requests, so their absence
   * fails the test instead of hiding it), elsewhere only where python3 can import requests.
   */
  static boolean pythonWithRequestsOrCi() {
    if (System.getenv("CI") != null) {
      return true;
    }
    try {
      return Processes.run(Map.of(), "python3", "-c", "import requests").exitCode() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  @EnabledIf(value = "pythonWithRequestsOrCi",
      disabledReason = "needs python3 with the requests package (pip install requests) to run the example client;"
          + " CI installs both and always runs it")
  void theExamplePythonClientReportsHeartbeatAndError() throws Exception {
    Processes.Run requests = Processes.run(Map.of(), "python3", "-c", "import requests");
    assertEquals(0, requests.exitCode(), "python3 cannot import requests (.ci/run installs it): " + requests.output());
    assertTrue(Files.isRegularFile(SCRIPT), "missing " + SCRIPT);
    try (TestServer server = TestServer.start()) {
      Api dev = server.newDeveloper();
      TestApps.Created app = TestApps.create(dev);
      String versions = "/v1/user/" + dev.openId + "/app/" + app.appId() + "/version";
      Resp created = dev.post(versions, new JsonObject().put("name", "3.3.0").put("code", 2)
          .put("url", "http://downloads.example/app-3.3.0.zip").put("md5", "0123456789abcdef0123456789abcdef").put("desc", "faster"));
      String versionId = created.json().getString("versionId");
      assertEquals(1000, dev.post(versions + "/" + versionId + "/action", new JsonObject().putNull("release")).code());

      Processes.Run run = Processes.run(Map.of("BEACON_URL", server.base(), "BEACON_APP_KEY", app.appKey()),
          "python3", SCRIPT.toString(), "3.2.1");

      assertEquals(0, run.exitCode(), run.output());
      assertTrue(run.output().contains(
          "POST /user/heartbeat -> 200 {\"code\":200,\"message\":\"心跳记录成功\",\"data\":{\"recorded\":true}}"), run.output());
      assertTrue(run.output().contains("POST /version/check -> 200 "), run.output());
      String check = run.output().lines().filter(l -> l.startsWith("POST /version/check -> 200 ")).findFirst().orElseThrow();
      JsonObject data = new JsonObject(check.substring("POST /version/check -> 200 ".length())).getJsonObject("data");
      assertEquals(true, data.getBoolean("has_update"), check);
      assertEquals("3.2.1", data.getString("current_version"));
      assertEquals("3.3.0", data.getString("latest_version"));
      assertEquals("http://downloads.example/app-3.3.0.zip", data.getString("download_url"));
      assertEquals("faster", data.getString("release_notes"));
      assertEquals(false, data.getBoolean("force_update"));
      assertTrue(run.output().contains("POST /error/report -> 200 {\"code\":200,\"message\":\"错误上报成功\""), run.output());

      List<Map<String, Object>> beats = TestApps.machineDays(server, app.appId());
      assertEquals(1, beats.size(), run.output());
      assertEquals("3.2.1", beats.get(0).get("APP_VERSION"));
      List<Map<String, Object>> errors = TestApps.rows(server, "select * from error_event where app_id = ?", app.appId());
      assertEquals(1, errors.size(), run.output());
      Map<String, Object> error = errors.get(0);
      assertEquals("report", error.get("SOURCE"));
      assertEquals("RuntimeError", error.get("ERROR_TYPE"));
      assertEquals("beacon_client.py example error", error.get("MESSAGE"));
      assertEquals("", error.get("STACK"));
      assertEquals("3.2.1", error.get("APP_VERSION"));
      assertTrue(!((String) error.get("OS_INFO")).isBlank(), "platform.platform() is stored as os_info");
      assertEquals(beats.get(0).get("MACHINE_HASH"), error.get("MACHINE_ID"),
          "the same machine of the same app hashes alike in heartbeats and error reports");
    }
  }
}

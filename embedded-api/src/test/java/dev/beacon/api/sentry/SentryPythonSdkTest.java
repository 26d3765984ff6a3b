package dev.beacon.api.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.sentry.SentryFixtures.DsnApp;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Processes;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sentry Python SDK as Debian packages it ({@code python3-sentry-sdk}, 1.9 in Debian 12), which
 * posts events to the legacy {@code /store/} route, against the server; beside it, the same
 * exception reported through the telemetry API the way its Python client names the type
 * ({@code type(e).__name__}), with the traceback; and the SDK's session, which it sends in an
 * envelope. Runs always in CI ({@code .ci/run} installs the
 * package), elsewhere where a {@code python3} can import {@code sentry_sdk}.
 */
class SentryPythonSdkTest extends ServerTest {
  /** A python3 that has the SDK: the one on the PATH, else Debian's, where apt installs it. */
  static String interpreter() {
    for (String python : List.of("python3", "/usr/bin/python3")) {
      try {
        if (Processes.run(Map.of(), python, "-c", "import sentry_sdk").exitCode() == 0) {
          return python;
        }
      } catch (Exception notThere) {
        // try the next
      }
    }
    return null;
  }

  static boolean sdkInstalledOrCi() {
    return System.getenv("CI") != null || interpreter() != null;
  }

  @Test
  @EnabledIf(value = "sdkInstalledOrCi", disabledReason = "needs python3 with sentry_sdk (Debian: apt install python3-sentry-sdk);"
      + " CI installs it and always runs this")
  void theDebianPythonSdksEventAndTheTelemetryApisReportOfOneBugShareAnIssue(@TempDir Path dir) throws Exception {
    String python = interpreter();
    assertNotNull(python, "no python3 can import sentry_sdk (.ci/run installs python3-sentry-sdk)");
    Api dev = server.newDeveloper();
    DsnApp app = SentryFixtures.create(dev);
    Files.createDirectories(dir.resolve("acme"));
    Files.writeString(dir.resolve("acme/__init__.py"), "");
    Files.writeString(dir.resolve("acme/settings.py"), """
        class ConfigError(Exception):
            pass


        def load():
            raise ConfigError("settings.json: missing key 'port'")
        """);
    Files.writeString(dir.resolve("agent.py"), """
        import json, os, traceback, urllib.request
        import sentry_sdk
        from acme.settings import ConfigError, load

        sentry_sdk.init(dsn=os.environ["DSN"], release="desk-agent@2.4.0", environment="qa")
        sentry_sdk.set_user({"id": "install-py-1"})
        sentry_sdk.set_tag("runtime", "python")
        sentry_sdk.add_breadcrumb(category="config", message="reading settings.json", level="info")
        sentry_sdk.Hub.current.start_session()
        try:
            load()
        except ConfigError as e:
            report = {"app_key": os.environ["APP_KEY"], "machine_id": "install-py-1", "software_version": "2.4.0",
                      "error_type": type(e).__name__, "error_message": str(e),
                      "error_stack": traceback.format_exc(), "os_info": "Linux"}
            request = urllib.request.Request(os.environ["BEACON"] + "/api/v1/error/report", data=json.dumps(report).encode(),
                                             headers={"Content-Type": "application/json"})
            print(urllib.request.urlopen(request, timeout=20).read().decode())
            print("sentry event", sentry_sdk.capture_exception(e))
        sentry_sdk.Hub.current.end_session()
        sentry_sdk.flush(timeout=10)
        """);
    Processes.Run run = Processes.run(Map.of("DSN", app.dsn(), "APP_KEY", app.appKey(), "BEACON", server.base(),
        "PYTHONPATH", dir.toString()), python, dir.resolve("agent.py").toString());
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("\"recorded\":true"), run.output());

    String issues = "/v1/user/" + dev.openId + "/app/" + app.appId() + "/issues";
    JsonArray list = dev.get(issues).json().getJsonArray("issues");
    assertEquals(1, list.size(), () -> list.encode() + "\n" + run.output());
    JsonObject issue = list.getJsonObject(0);
    assertEquals(2, issue.getInteger("count"), "the report (ConfigError) and the SDK's event (acme.settings.ConfigError)");
    assertEquals(1, issue.getInteger("machines"), "user.id and machine_id name one machine");
    assertEquals("ConfigError: settings.json: missing key 'port'", issue.getString("title"));
    assertTrue(issue.getString("culprit").contains("load"), issue::encode);
    assertEquals(new JsonArray().add("2.4.0"), issue.getJsonArray("versions"));

    JsonObject latest = dev.get(issues + "/" + issue.getString("issueId")).json().getJsonObject("latestEvent");
    assertEquals("python", latest.getString("platform"));
    assertEquals("qa", latest.getString("environment"));
    assertEquals("desk-agent@2.4.0", latest.getString("release"));
    assertEquals("python", latest.getJsonObject("tags").getString("runtime"));
    assertTrue(latest.getJsonArray("breadcrumbs").encode().contains("reading settings.json"), latest::encode);
    assertEquals("sentry.python", latest.getJsonObject("sdk").getString("name"));

    // the session the SDK sent in an envelope: one, ended with a handled error in it
    JsonObject stats = dev.get("/v1/user/" + dev.openId + "/app/" + app.appId() + "/stats/sessions?environment=qa").json();
    JsonObject release = stats.getJsonArray("releases").getJsonObject(0);
    assertEquals("2.4.0", release.getString("release"), stats::encode);
    JsonObject sessions = release.getJsonObject("sessions");
    assertEquals(1, sessions.getInteger("started"), stats::encode);
    assertEquals(1, sessions.getInteger("errored"), stats::encode);
    assertEquals(0, sessions.getInteger("crashed"), stats::encode);
    assertEquals(1.0, release.getDouble("crashFreeSessions"), 1e-9);
    assertEquals(1, release.getInteger("machines"), "the session's did, its user.id");
  }
}

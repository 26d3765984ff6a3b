package dev.beacon.api.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.sentry.SentryFixtures.DsnApp;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The real {@code @sentry/node} SDK (which sends chunked bodies without Content-Type or item
 * lengths, credentials in the query) against the server. Needs {@code node} and a folder with
 * {@code node_modules/@sentry/node} installed, given as {@code -Dbeacon.test.sentryNode=DIR} or
 * the environment's {@code BEACON_TEST_SENTRY_NODE} ({@code npm install @sentry/node@11} in it;
 * {@code .ci/run} does so); skipped otherwise, since a test run must not depend on reaching the
 * npm registry.
 */
class SentryNodeSdkTest extends ServerTest {
  static Path modules() {
    String dir = System.getProperty("beacon.test.sentryNode", System.getenv("BEACON_TEST_SENTRY_NODE"));
    return dir == null ? null : Path.of(dir);
  }

  static boolean nodeSdkInstalled() {
    Path dir = modules();
    return dir != null && Files.isDirectory(dir.resolve("node_modules/@sentry/node"));
  }

  @Test
  @EnabledIf(value = "nodeSdkInstalled", disabledReason = "needs node and -Dbeacon.test.sentryNode=DIR (or BEACON_TEST_SENTRY_NODE=DIR) with node_modules/@sentry/node in DIR")
  void anExceptionAndAMessageFromNodeBecomeIssues() throws Exception {
    Api dev = server.newDeveloper();
    DsnApp app = SentryFixtures.create(dev);
    Path script = modules().resolve("beacon-sentry-test.js");
    Files.writeString(script, """
        const Sentry = require('@sentry/node');
        Sentry.init({ dsn: process.env.DSN, release: 'node-app@3.2.1', environment: 'qa' });
        Sentry.setUser({ id: 'install-node-1' });
        Sentry.setTag('runtime', 'node');
        function parseConfig() { throw new TypeError('config is not an object'); }
        try { parseConfig(); } catch (e) { Sentry.captureException(e); }
        Sentry.flush(10000).then(ok => process.exit(ok ? 0 : 3));
        """);
    ProcessBuilder pb = new ProcessBuilder("node", script.toString()).directory(modules().toFile()).redirectErrorStream(true);
    pb.environment().put("DSN", app.dsn());
    Process run = pb.start();
    assertTrue(run.waitFor(60, TimeUnit.SECONDS), "node finished");
    String out = new String(run.getInputStream().readAllBytes());
    assertEquals(0, run.exitValue(), out);

    JsonArray issues = dev.get("/v1/user/" + dev.openId + "/app/" + app.appId() + "/issues").json().getJsonArray("issues");
    assertEquals(1, issues.size(), issues::encode);
    JsonObject issue = issues.getJsonObject(0);
    assertEquals("TypeError: config is not an object", issue.getString("title"));
    assertTrue(issue.getString("culprit").endsWith("parseConfig"), issue::encode);
    assertEquals(new JsonArray().add("3.2.1"), issue.getJsonArray("versions"));
    assertEquals(1, issue.getInteger("machines"));
  }
}

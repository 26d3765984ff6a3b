package dev.beacon.api.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code beacon-server.jar} as a user runs it: the listening line, the generated
 * admin credentials, a clean stop on SIGTERM, a restart on the same data folder, and a second
 * process on a data folder in use refused.
 */
class ServerJarIT {

  @TempDir Path data;

  static void stop(ServerProcess r) throws Exception {
    r.process().destroy(); // SIGTERM
    assertTrue(r.process().waitFor(60, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
    // the shutdown hook runs the clean stop; the JVM then exits with 143 (terminated by SIGTERM)
    assertEquals(143, r.process().exitValue());
    assertTrue(r.lines().contains("Beacon stopped"), () -> "no clean stop; output:\n" + String.join("\n", uncheckedLines(r)));
  }

  private static List<String> uncheckedLines(ServerProcess r) {
    try {
      return r.lines();
    } catch (IOException e) {
      return List.of(e.toString());
    }
  }

  @Test
  void runsHeadlessCreatesTheAdminAndStopsCleanly() throws Exception {
    ServerProcess first = ServerProcess.launch(data, Map.of());
    Path creds = data.resolve("admin-credentials.txt");
    assertTrue(Files.exists(creds));
    String password = Files.readAllLines(creds).stream()
        .filter(l -> l.startsWith("password=")).findFirst().orElseThrow().substring("password=".length());
    assertTrue(first.lines().stream().anyMatch(l -> l.contains(password)), "the generated password is printed once");

    Api anon = new Api("http://127.0.0.1:" + first.port(), null, null);
    Resp health = anon.get("/health");
    assertEquals("up", health.json().getString("status"));
    Resp login = anon.post("/v1/auth/login", new JsonObject().put("account", "admin").put("password", password));
    assertEquals(1000, login.code(), login::toString);
    Api admin = anon.as(login.json().getString("openId"), login.json().getString("token"));
    Resp app = admin.post("/v1/user/" + admin.openId + "/app", new JsonObject().put("name", "kept").put("platform", 1));
    String appId = app.json().getJsonObject("app").getString("appId");
    assertNotNull(appId);
    stop(first);

    ServerProcess second = ServerProcess.launch(data, Map.of());
    assertFalse(second.lines().stream().anyMatch(l -> l.contains(password)), "no second admin, no password printed again");
    Api again = new Api("http://127.0.0.1:" + second.port(), null, null);
    Resp relogin = again.post("/v1/auth/login", new JsonObject().put("account", "admin").put("password", password));
    assertEquals(1000, relogin.code(), relogin::toString);
    stop(second);
  }

  @Test
  void aSecondProcessOnTheDataFolderIsRefusedAndTheFirstServesOn() throws Exception {
    ServerProcess first = ServerProcess.launch(data, Map.of());
    ServerProcess.Exited second = ServerProcess.runUntilExit(data);
    assertEquals(1, second.code(), second::output);
    assertTrue(second.output().contains("beacon: cannot start: another Beacon is using the data folder " + data.toAbsolutePath()
        + "; stop it, or give this one its own data folder with --data"), second::output);
    assertFalse(second.output().contains("listening on"), second::output);
    Resp health = new Api(first.base(), null, null).get("/health");
    assertEquals("up", health.json().getString("status"));
    stop(first);
  }

  @Test
  void badFlagsExitWithUsage() throws Exception {
    Path jar = Paths.get(System.getProperty("beacon.server.jar", "target/beacon-server.jar"));
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "eighty").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, p.exitValue());
    assertTrue(out.contains("--port needs a number"), out);
    assertTrue(out.contains("Usage:"), out);
  }
}

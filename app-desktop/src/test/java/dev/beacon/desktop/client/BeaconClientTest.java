package dev.beacon.desktop.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.beacon.api.Beacon;
import dev.beacon.api.core.BeaconServer;
import dev.beacon.api.core.Config;
import dev.beacon.api.core.Version;
import dev.beacon.desktop.TempDirs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The typed client against the real embedded server. */
class BeaconClientTest {
  static Path data;
  static BeaconServer server;
  static BeaconClient client;

  @BeforeAll
  static void up() throws Exception {
    data = TempDirs.create("beacon-client-test-");
    server = Beacon.startBlocking(Config.defaults().host("127.0.0.1").port(0).dataDir(data)
        .adminAccount("admin").adminPassword("client-test-password").quiet(true));
    client = new BeaconClient(URI.create("http://127.0.0.1:" + server.port()));
  }

  @AfterAll
  static void down() throws Exception {
    server.stopBlocking();
    TempDirs.delete(data);
  }

  @Test
  void healthIsTyped() throws ApiError {
    Health h = client.health();
    assertTrue(h.up());
    assertEquals(Version.get(), h.version());
    assertTrue(h.startedAt().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), h.startedAt());
    assertTrue(client.health().requests() > h.requests(), "every call is counted");
  }

  @Test
  void loginGivesASession() throws ApiError {
    Session s = client.login("admin", "client-test-password");
    assertTrue(s.admin());
    assertEquals(64, s.token().length());
    assertFalse(s.openId().isBlank());
  }

  @Test
  void theServersErrorBecomesAnApiErrorWithItsCodeAndMsg() {
    ApiError e = assertThrows(ApiError.class, () -> client.login("admin", "wrong-password"));
    assertEquals(4001, e.code());
    assertEquals("wrong account or password", e.msg());
    assertEquals("wrong account or password", ApiError.text(e));
  }

  @Test
  void aProxysErrorPageIsABadAnswer() throws IOException {
    // not Beacon: what a misconfigured reverse proxy in front of it answers
    HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    proxy.createContext("/", ex -> {
      byte[] page = "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "text/html");
      ex.sendResponseHeaders(502, page.length);
      ex.getResponseBody().write(page);
      ex.close();
    });
    proxy.start();
    try {
      BeaconClient behindAProxy = new BeaconClient(URI.create("http://127.0.0.1:" + proxy.getAddress().getPort()));
      ApiError e = assertThrows(ApiError.class, behindAProxy::health);
      assertEquals(ApiError.BAD_ANSWER, e.code());
      assertTrue(e.msg().contains("HTTP 502"), e.msg());
    } finally {
      proxy.stop(0);
    }
  }

  @Test
  void aClosedPortIsUnreachable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ApiError e = assertThrows(ApiError.class, () -> new BeaconClient(URI.create("http://127.0.0.1:" + port)).health());
    assertEquals(ApiError.UNREACHABLE, e.code());
  }

  @Test
  void signedInCallsCarryTheSession() throws ApiError {
    BeaconClient admin = client.as(client.login("admin", "client-test-password"));
    JsonObject created = admin.post("v1/user/" + admin.openId() + "/app",
        new JsonObject().put("name", "Client test app").put("platform", 1));
    String appId = created.getJsonObject("app").getString("appId");
    JsonObject read = admin.get("/v1/user/" + admin.openId() + "/app/" + appId, Map.of());
    assertEquals("Client test app", read.getJsonObject("app").getString("name"));
    ApiError anonymous = assertThrows(ApiError.class,
        () -> client.get("v1/user/" + admin.openId() + "/app/" + appId, Map.of()));
    assertEquals(4001, anonymous.code());
    admin.delete("v1/user/" + admin.openId() + "/app/" + appId);
    ApiError gone = assertThrows(ApiError.class, () -> admin.get("v1/user/" + admin.openId() + "/app/" + appId, null));
    assertEquals(4004, gone.code());
  }

  @Test
  void queryValuesAreEncodedAndNullsLeftOut() {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("q", "a b&c");
    q.put("page", 2);
    q.put("status", null);
    assertEquals("v1/x?q=a+b%26c&page=2", BeaconClient.withQuery("v1/x", q));
    assertEquals("v1/x", BeaconClient.withQuery("v1/x", Map.of()));
  }

  @Test
  void textAnswersComeBackWhole() throws ApiError {
    String yaml = client.text("openapi.yaml", null);
    assertTrue(yaml.startsWith("openapi:"), yaml.substring(0, Math.min(40, yaml.length())));
  }
}

package dev.beacon.desktop.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client's parsing and errors against a stand-in server (the real one is in StatusModelTest). */
class BeaconClientTest {
  static HttpServer fake;
  static BeaconClient client;

  @BeforeAll
  static void up() throws IOException {
    fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    fake.createContext("/health", ex -> answer(ex, 200,
        "{\"code\":1000,\"msg\":\"success\",\"status\":\"up\",\"version\":\"9.9.9\",\"startedAt\":\"2026-01-02 03:04:05\",\"requests\":42}"));
    fake.createContext("/v1/auth/login", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (body.contains("\"password\":\"right\"") && "POST".equals(ex.getRequestMethod())) {
        answer(ex, 200, "{\"code\":1000,\"msg\":\"success\",\"openId\":\"o1\",\"token\":\"t1\",\"admin\":true}");
      } else {
        answer(ex, 401, "{\"code\":4001,\"msg\":\"wrong account or password\"}");
      }
    });
    fake.createContext("/broken", ex -> answer(ex, 502, "<html>bad gateway</html>"));
    fake.start();
    client = new BeaconClient(URI.create("http://127.0.0.1:" + fake.getAddress().getPort()));
  }

  @AfterAll
  static void down() {
    fake.stop(0);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Test
  void healthIsTyped() throws ApiError {
    assertEquals(new Health("up", "9.9.9", "2026-01-02 03:04:05", 42), client.health());
    assertTrue(client.health().up());
  }

  @Test
  void loginGivesASession() throws ApiError {
    assertEquals(new Session("o1", "t1", true), client.login("admin", "right"));
  }

  @Test
  void theServersErrorBecomesAnApiErrorWithItsCodeAndMsg() {
    ApiError e = assertThrows(ApiError.class, () -> client.login("admin", "wrong"));
    assertEquals(4001, e.code());
    assertEquals("wrong account or password", e.msg());
    assertEquals("wrong account or password", ApiError.text(e));
  }

  @Test
  void somethingElseThanTheEnvelopeIsABadAnswer() {
    BeaconClient behindAProxy = new BeaconClient(URI.create("http://127.0.0.1:" + fake.getAddress().getPort() + "/broken/"));
    ApiError e = assertThrows(ApiError.class, behindAProxy::health);
    assertEquals(ApiError.BAD_ANSWER, e.code());
    assertTrue(e.msg().contains("HTTP 502"), e.msg());
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
}

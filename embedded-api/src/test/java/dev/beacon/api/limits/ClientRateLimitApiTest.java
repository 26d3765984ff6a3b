package dev.beacon.api.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.Main;
import dev.beacon.api.core.Config;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Request rates on the public client routes, per address and per app key: over the limit a client
 * gets 429 with Retry-After in its route's envelope; other addresses and keys go on; 0 switches a
 * limit off. Rates here are 1 request every 2 s after a small burst, so that the test never races
 * the refill.
 */
class ClientRateLimitApiTest {
  static final String HEARTBEAT = "/api/v1/user/heartbeat";

  static JsonObject heartbeat(TestApps.Created app, String machine) {
    return new JsonObject().put("app_key", app.appKey()).put("machine_id", machine).put("version", "1.0.0");
  }

  static Resp upgrade(Api client, TestApps.Created app) {
    return client.post("/v1/app/upgrade", new JsonObject().put("appId", app.appId()).put("appKey", app.appKey()).put("deviceId", "d1"));
  }

  static Resp withForwardedFor(Api client, String forwarded, JsonObject body) {
    return client.send(client.request(HEARTBEAT).header("X-Forwarded-For", forwarded)
        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  static void assertLimitedA(Resp r) {
    assertEquals(429, r.status(), r::toString);
    assertEquals(429, r.code(), r::toString);
    assertTrue(r.json().getString("message").contains("too many requests"), r::toString);
    assertTrue(Integer.parseInt(r.header("Retry-After")) >= 1, r::toString);
  }

  @Test
  void anAddressOverItsLimitGets429OnEveryClientRouteInItsFamilysEnvelope() throws Exception {
    try (TestServer server = TestServer.start(c -> c.clientRatePerIp(0.5).clientBurstPerIp(4).clientRatePerKey(0))) {
      TestApps.Created app = TestApps.create(server.newDeveloper());
      Api client = server.anonymous();
      for (int i = 0; i < 4; i++) {
        Resp ok = client.post(HEARTBEAT, heartbeat(app, "m" + i));
        assertEquals(200, ok.status(), ok::toString);
      }
      assertLimitedA(client.post(HEARTBEAT, heartbeat(app, "m5")));

      Resp b = upgrade(client, app);
      assertEquals(429, b.status(), b::toString);
      assertEquals(4029, b.code(), "family B's code");
      assertTrue(b.json().containsKey("msg"), b::toString);
      assertTrue(Integer.parseInt(b.header("Retry-After")) >= 1);

      // without --trust-proxy a forged X-Forwarded-For does not make a new address
      assertLimitedA(withForwardedFor(client, "203.0.113.9", heartbeat(app, "m6")));
      // the developer's own routes are not client routes
      Resp list = server.admin().get("/v1/admin/app");
      assertEquals(200, list.status(), list::toString);
      assertEquals(200, client.get("/health").status());
    }
  }

  @Test
  void anAppKeyOverItsLimitIsRefusedWhileAnotherKeyGoesOn() throws Exception {
    try (TestServer server = TestServer.start(c -> c.clientRatePerIp(0).clientRatePerKey(0.5).clientBurstPerKey(3))) {
      Api dev = server.newDeveloper();
      TestApps.Created busy = TestApps.create(dev);
      TestApps.Created quiet = TestApps.create(dev);
      Api client = server.anonymous();
      // the key's bucket is shared by every client route: heartbeat, version check, error report
      assertEquals(200, client.post(HEARTBEAT, heartbeat(busy, "a")).status());
      assertEquals(200, client.post("/api/v1/version/check",
          new JsonObject().put("app_key", busy.appKey()).put("current_version", "1.0.0").put("platform", "windows")).status());
      assertEquals(200, client.post(HEARTBEAT, heartbeat(busy, "b")).status());
      assertLimitedA(client.post("/api/v1/error/report", new JsonObject().put("app_key", busy.appKey()).put("machine_id", "a")
          .put("software_version", "1.0.0").put("error_type", "E").put("error_message", "m")));
      assertLimitedA(client.post(HEARTBEAT, heartbeat(busy, "c")));
      Resp b = upgrade(client, busy);
      assertEquals(4029, b.code(), b::toString);

      for (int i = 0; i < 3; i++) {
        Resp ok = client.post(HEARTBEAT, heartbeat(quiet, "q" + i));
        assertEquals(200, ok.status(), "another key has its own bucket: " + ok);
      }
      // a body without a key is not counted against anyone: the route answers it
      Resp bad = client.post(HEARTBEAT, new JsonObject().put("machine_id", "x").put("version", "1"));
      assertEquals(400, bad.status(), bad::toString);
    }
  }

  @Test
  void anAddressOverItsLimitIsRefusedBeforeItsBodyIsRead() throws Exception {
    try (TestServer server = TestServer.start(c -> c.clientRatePerIp(0.5).clientBurstPerIp(2).clientRatePerKey(0)
        .jsonBodyLimit(16 * 1024).errorBodyLimit(32 * 1024))) {
      Api client = server.anonymous();
      String tooLarge = new JsonObject().put("appKey", "k").put("app_key", "k").put("pad", "x".repeat(64 * 1024)).encode();
      Resp heard = client.raw("POST", "/v1/logs", tooLarge, "application/json");
      assertEquals(400, heard.status(), heard::toString);
      assertTrue(heard.msg().contains("larger than the limit of " + 32 * 1024), "within its rate the body is read: " + heard);
      assertEquals(413, client.raw("POST", HEARTBEAT, tooLarge, "application/json").status());
      // over the rate, neither the route's own body limit nor the server-wide one is reached
      Resp logs = client.raw("POST", "/v1/logs", tooLarge, "application/json");
      assertEquals(429, logs.status(), logs::toString);
      assertEquals(4029, logs.code(), logs::toString);
      assertLimitedA(client.raw("POST", HEARTBEAT, tooLarge, "application/json"));
    }
  }

  @Test
  void behindATrustedProxyTheLastForwardedAddressIsTheClient() throws Exception {
    try (TestServer server = TestServer.start(c -> c.trustProxy(true).clientRatePerIp(0.5).clientBurstPerIp(2).clientRatePerKey(0))) {
      TestApps.Created app = TestApps.create(server.newDeveloper());
      Api client = server.anonymous();
      assertEquals(200, withForwardedFor(client, "10.0.0.1", heartbeat(app, "a")).status());
      // a client cannot escape by prepending an address: the proxy appends the real one last
      assertEquals(200, withForwardedFor(client, "198.51.100.7, 10.0.0.1", heartbeat(app, "b")).status());
      assertLimitedA(withForwardedFor(client, "192.0.2.1,10.0.0.1", heartbeat(app, "c")));
      Resp other = withForwardedFor(client, "10.0.0.2", heartbeat(app, "d"));
      assertEquals(200, other.status(), "another address behind the proxy: " + other);
    }
  }

  @Test
  void zeroSwitchesBothLimitsOff() throws Exception {
    try (TestServer server = TestServer.start(c -> c.clientRatePerIp(0).clientBurstPerIp(1).clientRatePerKey(0).clientBurstPerKey(1))) {
      TestApps.Created app = TestApps.create(server.newDeveloper());
      Api client = server.anonymous();
      for (int i = 0; i < 20; i++) {
        Resp r = client.post(HEARTBEAT, heartbeat(app, "m" + i));
        assertEquals(200, r.status(), "with a burst of 1 the second would be refused if the limits were on: " + r);
      }
    }
  }

  @Test
  void theCommandLineSetsTheLimits() {
    Config c = Main.parse(new String[] {"--client-rate-per-ip", "5", "--client-burst-per-ip=50", "--client-rate-per-key", "0",
        "--client-burst-per-key", "9", "--trust-proxy", "--max-connections", "300", "--request-head-timeout", "4",
        "--idle-timeout", "30"});
    assertEquals(5, c.clientRatePerIp());
    assertEquals(50, c.clientBurstPerIp());
    assertEquals(0, c.clientRatePerKey());
    assertEquals(9, c.clientBurstPerKey());
    assertTrue(c.trustProxy());
    assertEquals(300, c.maxConnections());
    assertEquals(Duration.ofSeconds(4), c.requestHeadTimeout());
    assertEquals(Duration.ofSeconds(30), c.idleTimeout());
    assertFalse(Config.defaults().trustProxy(), "X-Forwarded-For is not trusted by default");
    assertEquals(Config.DEFAULT_CLIENT_RATE_PER_IP, Config.defaults().clientRatePerIp());
  }
}

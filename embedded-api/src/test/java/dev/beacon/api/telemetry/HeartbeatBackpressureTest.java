package dev.beacon.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A burst larger than the heartbeat queue is slowed down, not buffered: the heartbeats beyond
 * {@code --heartbeat-queue} are answered 429 with Retry-After, and every 200 is stored.
 */
class HeartbeatBackpressureTest {
  @Test
  void aBurstOverTheQueueGets429AndEveryAcknowledgedHeartbeatIsStored() throws Exception {
    try (TestServer server = TestServer.start(c -> c.heartbeatQueue(2).clientRatePerIp(0).clientRatePerKey(0))) {
      TestApps.Created app = TestApps.create(server.newDeveloper());
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String body = new JsonObject().put("app_key", app.appKey()).put("machine_id", "burst-" + i).put("version", "1.0").encode();
        answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/user/heartbeat"))
            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
      }
      int ok = 0;
      int refused = 0;
      for (CompletableFuture<HttpResponse<String>> f : answers) {
        HttpResponse<String> r = f.get();
        if (r.statusCode() == 200) {
          ok++;
        } else {
          assertEquals(429, r.statusCode(), r::body);
          JsonObject json = new JsonObject(r.body());
          assertEquals(429, json.getInteger("code"));
          assertTrue(json.getString("message").contains("busy"), r::body);
          assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
          refused++;
        }
      }
      assertTrue(refused > 0, "400 concurrent heartbeats against a queue of 2: some must be refused");
      assertTrue(ok > 0, "and some stored");
      assertEquals(ok, TestApps.machines(server, app.appId()).size(),
          "exactly the acknowledged heartbeats are stored");
    }
  }
}

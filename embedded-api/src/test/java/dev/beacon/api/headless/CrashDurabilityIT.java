package dev.beacon.api.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.shared.MachineHash;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: concurrent clients send heartbeats, error reports, error logs and
 * Sentry envelopes (an event and a session each) to the packaged server, which is killed with SIGKILL in the middle of the load; a restart on the
 * same data folder must come up without repair and hold every event that was answered with success.
 */
class CrashDurabilityIT {
  private static final String PASSWORD = "crash-test-password";
  private static final int CLIENTS = 8;
  /** A load test of durability from one address, not of the client rate limits: they are off. */
  private static final String[] UNLIMITED = {"--client-rate-per-ip", "0", "--client-rate-per-key", "0"};

  @TempDir Path data;

  record Acked(Set<String> heartbeats, Set<Long> reports, Set<String> logs, Set<String> envelopes) {}

  @Test
  void everyAcknowledgedEventSurvivesKill9() throws Exception {
    ServerProcess server = ServerProcess.launch(data, Map.of("BEACON_ADMIN_PASSWORD", PASSWORD), UNLIMITED);
    Api anon = new Api(server.base(), null, null);
    Resp login = anon.post("/v1/auth/login", new JsonObject().put("account", "admin").put("password", PASSWORD));
    Api admin = anon.as(login.json().getString("openId"), login.json().getString("token"));
    JsonObject app = admin.post("/v1/user/" + admin.openId + "/app", new JsonObject().put("name", "crash").put("platform", 3))
        .json().getJsonObject("app");
    String appId = app.getString("appId");
    String appKey = app.getString("appKey");
    URI dsn = URI.create(app.getString("dsn"));
    String envelopeUrl = server.base() + "/api" + dsn.getPath() + "/envelope/?sentry_key=" + dsn.getUserInfo();

    Acked acked = new Acked(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(),
        ConcurrentHashMap.newKeySet());
    AtomicInteger sent = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.submit(() -> load(http, server.base(), envelopeUrl, appId, appKey, client, acked, sent, stop));
    }
    // let the load build up, then pull the plug while requests are in flight
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (total(acked) < 600 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    server.kill();
    int ackedAtKill = total(acked);
    stop.set(true);
    clients.shutdown();
    assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
    assertTrue(ackedAtKill >= 100, "the load did not get going: " + ackedAtKill + " acknowledged\n" + server.output());

    // a restart on the same folder comes up by itself
    ServerProcess again = ServerProcess.launch(data, Map.of("BEACON_ADMIN_PASSWORD", PASSWORD), UNLIMITED);
    assertEquals(200, new Api(again.base(), null, null).get("/health").status());
    again.process().destroy();
    assertTrue(again.process().waitFor(60, TimeUnit.SECONDS));

    try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db").resolve("beacon"), "", "")) {
      String secret = one(db, "select secret from app where app_id = ?", appId).get(0);
      Set<String> storedHashes = new HashSet<>(TestApps.machines(db, appId).keySet());
      Set<String> storedReports = new HashSet<>(one(db, "select cast(id as varchar) from error_event where app_id = ? and source = 'report'", appId));
      Set<String> storedLogs = new HashSet<>(one(db, "select device_id from error_event where app_id = ? and source = 'log'", appId));
      Set<String> storedEnvelopes = new HashSet<>(one(db, "select event_uid from error_event where app_id = ? and source = 'sentry'", appId));
      Set<String> storedSessions = new HashSet<>(one(db, "select sid from sentry_session where app_id = ?", appId));

      List<String> lostHeartbeats = acked.heartbeats().stream().filter(m -> !storedHashes.contains(MachineHash.of(secret, m))).toList();
      List<Long> lostReports = acked.reports().stream().filter(id -> !storedReports.contains(String.valueOf(id))).toList();
      List<String> lostLogs = acked.logs().stream().filter(d -> !storedLogs.contains(d)).toList();
      List<String> lostEnvelopes = acked.envelopes().stream()
          .filter(id -> !storedEnvelopes.contains(id) || !storedSessions.contains("s" + id)).toList();
      int stored = storedHashes.size() + storedReports.size() + storedLogs.size() + storedEnvelopes.size();
      System.out.printf("kill -9 durability: sent %d, acknowledged %d (%d Sentry envelopes), stored after restart %d (%d in flight and not acknowledged, yet stored)%n",
          sent.get(), total(acked), acked.envelopes().size(), stored, stored - total(acked));
      assertTrue(!acked.envelopes().isEmpty(), "no Sentry envelope was acknowledged before the kill");
      assertTrue(lostHeartbeats.isEmpty(), () -> "acknowledged heartbeats lost: " + lostHeartbeats.size());
      assertTrue(lostReports.isEmpty(), () -> "acknowledged error reports lost: " + lostReports.size());
      assertTrue(lostLogs.isEmpty(), () -> "acknowledged error logs lost: " + lostLogs.size());
      assertTrue(lostEnvelopes.isEmpty(), () -> "acknowledged Sentry envelopes lost (event or session): " + lostEnvelopes.size());
      assertTrue(stored >= total(acked));
    }
  }

  private static int total(Acked a) {
    return a.heartbeats().size() + a.reports().size() + a.logs().size() + a.envelopes().size();
  }

  /** One client: heartbeats, error reports, logs and Sentry envelopes in turn, each with an id of its own. */
  private static void load(HttpClient http, String base, String envelopeUrl, String appId, String appKey, int client, Acked acked,
      AtomicInteger sent, AtomicBoolean stop) {
    for (int i = 0; !stop.get() && i < 100_000; i++) {
      String id = "crash-" + client + "-" + i;
      try {
        switch (i % 4) {
          case 0 -> {
            sent.incrementAndGet();
            JsonObject r = post(http, base + "/api/v1/user/heartbeat",
                new JsonObject().put("app_key", appKey).put("machine_id", id).put("version", "1.0.0"));
            if (r != null && r.getInteger("code") == 200) {
              acked.heartbeats().add(id);
            }
          }
          case 1 -> {
            sent.incrementAndGet();
            JsonObject r = post(http, base + "/api/v1/error/report", new JsonObject().put("app_key", appKey)
                .put("machine_id", id).put("software_version", "1.0.0").put("error_type", "CrashTest")
                .put("error_message", id).put("error_stack", "at Crash.test()").put("os_info", "test"));
            if (r != null && r.getInteger("code") == 200) {
              acked.reports().add(r.getJsonObject("data").getLong("id"));
            }
          }
          case 3 -> {
            sent.incrementAndGet();
            String eventId = String.format("%08x%024x", client, i);
            if (envelope(http, envelopeUrl, eventId, id)) {
              acked.envelopes().add(eventId);
            }
          }
          default -> {
            sent.incrementAndGet();
            JsonObject r = post(http, base + "/v1/logs", new JsonObject().put("appId", appId).put("appKey", appKey)
                .put("appVersion", "1.0.0").put("deviceId", id).put("appPackage", "crash.test").put("context", "CrashTest"));
            if (r != null && r.getInteger("code") == 1000) {
              acked.logs().add(id);
            }
          }
        }
      } catch (Exception e) {
        if (stop.get()) {
          return;
        }
        // the server died under us: no answer, so nothing was acknowledged
        try {
          Thread.sleep(50);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** A gzip envelope with an event and the update of a session {@code "s" + eventId}; whether it was acknowledged. */
  private static boolean envelope(HttpClient http, String url, String eventId, String machine) throws Exception {
    String body = new JsonObject().put("event_id", eventId).encode() + "\n"
        + new JsonObject().put("type", "event").encode() + "\n"
        + new JsonObject().put("event_id", eventId).put("platform", "java").put("release", "crash@1.0.0")
            .put("user", new JsonObject().put("id", machine))
            .put("exception", new JsonObject().put("values", new io.vertx.core.json.JsonArray().add(new JsonObject()
                .put("type", "CrashTest").put("value", machine)))).encode() + "\n"
        + new JsonObject().put("type", "session").encode() + "\n"
        + new JsonObject().put("sid", "s" + eventId).put("did", machine).put("status", "exited").put("errors", 1)
            .put("started", "2026-12-04T10:00:00Z").put("attrs", new JsonObject().put("release", "crash@1.0.0")).encode() + "\n";
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 && eventId.equals(new JsonObject(r.body()).getString("id"));
  }

  private static JsonObject post(HttpClient http, String url, JsonObject body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 ? new JsonObject(r.body()) : null;
  }

  private static List<String> one(Connection db, String sql, String arg) throws Exception {
    try (PreparedStatement st = db.prepareStatement(sql)) {
      st.setString(1, arg);
      try (ResultSet rs = st.executeQuery()) {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
          out.add(rs.getString(1));
        }
        return out;
      }
    }
  }
}

package dev.beacon.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.core.Config;
import dev.beacon.api.shared.MachineHash;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Beacons on one PostgreSQL, one of them a separate process holding the usage lease, which is
 * killed with SIGKILL in the middle of a heartbeat load spread over both: every heartbeat either
 * acknowledged is counted by the survivor, which takes the lease over (within a minute: the lease
 * expires 30 s after its holder's last renewal) and with it the snapshots.
 */
@EnabledIf(value = "dev.beacon.api.support.TestDatabase#postgres",
    disabledReason = "several servers share usage on PostgreSQL only (the CI PostgreSQL run runs it); H2 serves one process")
class SharedUsageKillTest {
  private static final int CLIENTS = 6;
  private static final Pattern LISTENING = Pattern.compile("listening on http://([^:\\s]+):(\\d+)");

  @TempDir Path otherData;

  @Test
  void everyHeartbeatTheKilledOneAcknowledgedIsCountedAndItsJobsMove() throws Exception {
    try (TestServer survivor = TestServer.start(c -> c.clientRatePerIp(0).clientRatePerKey(0))) {
      Api dev = survivor.newDeveloper();
      Resp created = dev.post("/v1/user/" + dev.openId + "/app", new JsonObject().put("name", "kill").put("platform", 3));
      JsonObject app = created.json().getJsonObject("app");
      String appId = app.getString("appId");
      Config db = survivor.server().config();
      Process other = launch(db);
      try {
        int port = port(other);
        // the survivor steps out for a moment so that the other process takes the usage lease
        survivor.restart(() -> awaitLease(db, holder -> holder != null, "the other process to take the usage lease"));
        String killedHolder = leaseHolder(db);
        assertTrue(!survivor.server().db().instanceId().equals(killedHolder), "the process to kill holds the lease");

        Set<String> acked = ConcurrentHashMap.newKeySet();
        Set<String> ackedByKilled = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<String> bases = List.of(survivor.base(), "http://127.0.0.1:" + port);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
          int client = c;
          clients.submit(() -> {
            for (int i = 0; !stop.get() && i < 100_000; i++) {
              String base = bases.get((client + i) % 2);
              String machine = "kill-" + client + "-" + i;
              try {
                if (heartbeat(http, base, app.getString("appKey"), machine)) {
                  acked.add(machine);
                  if (!base.equals(survivor.base())) {
                    ackedByKilled.add(machine);
                  }
                }
              } catch (Exception e) {
                // the killed one did not answer: nothing acknowledged
              }
            }
          });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ackedByKilled.size() < 400 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        long killedAt = System.nanoTime();
        other.destroyForcibly(); // SIGKILL, requests in flight
        assertTrue(other.waitFor(30, TimeUnit.SECONDS), "the process did not die on SIGKILL");
        Thread.sleep(300); // the survivor goes on taking heartbeats a little after the kill
        stop.set(true);
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
        assertTrue(ackedByKilled.size() >= 100, "the load did not get going on the killed process: " + ackedByKilled.size());
        long headAtKill = number(db, "SELECT seq FROM tel_log_head WHERE id = 1");

        // every acknowledged heartbeat is counted by the survivor at once (a read folds the shared log first);
        // some in flight at the kill may be logged without their answer, and count too
        JsonObject summary = summary(survivor, dev, appId);
        assertTrue(summary.getLong("dau") >= acked.size(), () -> summary + " for " + acked.size() + " acknowledged");
        assertEquals(summary.getLong("dau"), summary.getLong("totalMachines"), summary::toString);

        // the lease moves to the survivor once the killed holder's expires, and the survivor's own snapshot job runs
        awaitLease(db, holder -> survivor.server().db().instanceId().equals(holder), "the survivor to take the usage lease over");
        long takenOver = System.nanoTime();
        awaitSnapshot(db, headAtKill);
        System.out.printf("shared usage, SIGKILL of the lease's holder: %d heartbeats acknowledged (%d by the killed one), %d counted;"
            + " lease taken over %.1f s after the kill, first snapshot %.1f s after%n", acked.size(), ackedByKilled.size(),
            summary.getLong("dau"), (takenOver - killedAt) / 1e9, (System.nanoTime() - killedAt) / 1e9);
        String secret = TestApps.secret(survivor, appId);
        Set<String> saved = TestApps.machines(survivor, appId).keySet();
        List<String> lost = acked.stream().filter(m -> !saved.contains(MachineHash.of(secret, m))).toList();
        assertTrue(lost.isEmpty(), () -> "acknowledged heartbeats not saved by the survivor: " + lost.size() + " of " + acked.size());
        assertEquals(summary.getLong("totalMachines"), saved.size(), "the machines counted are those saved");
        assertEquals(summary, summary(survivor, dev, appId), "the same figures after the survivor's snapshot");
      } finally {
        other.destroyForcibly();
      }
    }
  }

  /** Another Beacon on the same database, as a process of its own from this test's class path. */
  private Process launch(Config db) throws Exception {
    Path log = Files.createTempFile("beacon-shared-", ".log");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", classPath, "dev.beacon.api.Main",
        "--port", "0", "--data", otherData.toString(), "--db-url", db.dbUrl(), "--db-user", db.dbUser(),
        "--db-password", db.dbPassword(), "--client-rate-per-ip", "0", "--client-rate-per-key", "0"));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("BEACON_ADMIN_PASSWORD", "kill-test-password");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    logs.put(p, log);
    return p;
  }

  private final java.util.Map<Process, Path> logs = new ConcurrentHashMap<>();

  /** The port the process listens on, from its listening line. */
  private int port(Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline && p.isAlive()) {
      for (String line : Files.readAllLines(logs.get(p), StandardCharsets.UTF_8)) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(2));
        }
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new AssertionError("no listening line; output was:\n" + Files.readString(logs.get(p)));
  }

  private static boolean heartbeat(HttpClient http, String base, String appKey, String machine) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/user/heartbeat")).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("app_key", appKey).put("machine_id", machine)
            .put("version", "1.0.0").encode())).build(), HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 && new JsonObject(r.body()).getInteger("code") == 200;
  }

  private static JsonObject summary(TestServer server, Api dev, String appId) {
    Resp r = new Api(server.base(), dev.openId, dev.token).get("/v1/user/" + dev.openId + "/app/" + appId + "/stats/summary");
    assertEquals(1000, r.code(), r::toString);
    return r.json();
  }

  private static String leaseHolder(Config db) throws Exception {
    try (Connection c = DriverManager.getConnection(db.dbUrl(), db.dbUser(), db.dbPassword());
        PreparedStatement st = c.prepareStatement("SELECT holder FROM beacon_lease WHERE name = ? AND held_until > CURRENT_TIMESTAMP")) {
      st.setString(1, TelemetryFeature.LEASE);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static long number(Config db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(db.dbUrl(), db.dbUser(), db.dbPassword());
        PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Waits (up to a minute and a half) for the lease's holder to be as {@code wanted} says. */
  private static void awaitLease(Config db, java.util.function.Predicate<String> wanted, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!wanted.test(leaseHolder(db))) {
      assertTrue(System.nanoTime() < deadline, "waited too long for " + what);
      Thread.sleep(200);
    }
  }

  /** Waits (up to a minute and a half) for a snapshot that holds the log up to {@code seq}. */
  private static void awaitSnapshot(Config db, long seq) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (number(db, "SELECT snapshot_seq FROM tel_snapshot WHERE id = 1") < seq) {
      assertTrue(System.nanoTime() < deadline, "waited too long for the survivor's snapshot past " + seq);
      Thread.sleep(500);
    }
  }
}

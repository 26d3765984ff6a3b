package dev.beacon.api.alerts;

import static dev.beacon.api.alerts.AlertFixtures.alerts;
import static dev.beacon.api.alerts.AlertFixtures.await;
import static dev.beacon.api.alerts.AlertFixtures.destination;
import static dev.beacon.api.alerts.AlertFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Alerts with two servers on one PostgreSQL database: both dispatchers poll the one outbox, and a
 * real local HTTP receiver (a Vert.x server) gets every delivery exactly once, each with its
 * {@code Idempotency-Key}; a rule changed on one server is the rule on the other; and each lease
 * job (error retention, rollout watch) is held by one server and moves to the other when its
 * holder stops.
 */
@EnabledIf(value = "dev.beacon.api.support.TestDatabase#postgres",
    disabledReason = "several instances share a PostgreSQL database (the CI PostgreSQL run runs this); on H2 one process serves it")
class AlertsAcrossInstancesTest {
  private static final Map<String, String> WAITS = Map.of("beacon.alerts.poll-ms", "50", "beacon.alerts.backoff-ms", "300");
  private static TestServer a;
  private static TestServer b;
  private static Api dev;
  private static Vertx vertx;
  private static HttpServer receiver;
  /** Every request the receiver got, as {@code Idempotency-Key -> alertId of the body}. */
  private static final List<String[]> received = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    a = AlertFixtures.startWith(WAITS);
    b = a.alongside();
    dev = a.newDeveloper();
    vertx = Vertx.vertx();
    receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      received.add(new String[] {req.getHeader("Idempotency-Key"), body.toJsonObject().getString("alertId")});
      req.response().setStatusCode(200).end("ok");
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      b.close();
      a.close();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      AlertFixtures.clear(WAITS);
    }
  }

  @Test
  void bothDispatchersDeliverEveryAlertExactlyOnce() throws Exception {
    TestApps.Created app = TestApps.create(dev);
    String destinationId = destination(dev, app.appId(), new JsonObject().put("type", "webhook")
        .put("url", "http://127.0.0.1:" + receiver.actualPort() + "/hook")).getString("destinationId");
    int alerts = 60;
    for (int i = 0; i < alerts; i++) {
      // a new issue each, reported to the two servers in turn
      TestServer to = i % 2 == 0 ? a : b;
      var r = to.anonymous().post("/api/v1/error/report", new JsonObject()
          .put("app_key", app.appKey()).put("machine_id", "machine-" + i).put("software_version", "1.0.0")
          .put("error_type", "Failure" + i + "Exception").put("error_message", "number " + i)
          .put("error_stack", "Failure" + i + "Exception: number " + i + "\n\tat com.acme.Step" + i + ".run(Step" + i + ".java:" + (10 + i) + ")")
          .put("os_info", "Windows 11"));
      assertEquals(200, r.status(), r::toString);
    }
    await("every alert recorded as sent", () -> {
      List<JsonObject> list = AlertFixtures.list(dev, app.appId());
      return list.size() == alerts && list.stream().allMatch(x -> "sent".equals(x.getString("state")));
    });
    Set<String> alertIds = AlertFixtures.list(dev, app.appId()).stream().map(x -> x.getString("alertId")).collect(Collectors.toSet());
    List<String[]> mine = received.stream().filter(r -> alertIds.contains(r[1])).toList();
    assertEquals(alerts, mine.size(), "each alert received once, no more");
    assertEquals(alertIds, mine.stream().map(r -> r[1]).collect(Collectors.toSet()));
    for (String[] r : mine) {
      assertEquals(r[1] + "-" + destinationId, r[0], "the delivery's id as its Idempotency-Key");
    }
    assertTrue(claimedBy(a).size() + claimedBy(b).size() == 0, "no claim is left once every delivery is recorded");
  }

  @Test
  void aRuleChangedOnOneIsTheRuleOnTheOther() throws Exception {
    TestApps.Created app = TestApps.create(dev);
    Api onB = new Api(b.base(), dev.openId, dev.token);
    assertEquals(0, quietMinutes(onB, app.appId()) == 30 ? 1 : 0, "not yet what the test sets");
    ok(dev.put(alerts(dev, app.appId()) + "/rules/regression", new JsonObject().put("quietMinutes", 30)));
    pollUntil("B answers the rule as changed on A", () -> quietMinutes(onB, app.appId()) == 30);
  }

  @Test
  void eachLeaseJobRunsOnOneInstanceAndMovesWhenItStops() throws Exception {
    try (TestServer x = TestServer.start(); TestServer y = x.alongside()) {
      List<String> jobs = List.of("errors.retention", "alerts.rollout-watch");
      for (String job : jobs) {
        pollUntil(job + " held", () -> holder(x, job) != null);
        assertTrue(Set.of(x.server().db().instanceId(), y.server().db().instanceId()).contains(holder(x, job)),
            job + " is held by one of the two: " + holder(x, job));
      }
      // stop the holder of the error retention: the other one takes over what it held
      String stopped = holder(x, "errors.retention");
      TestServer holding = stopped.equals(x.server().db().instanceId()) ? x : y;
      String otherId = (holding == x ? y : x).server().db().instanceId();
      Map<String, String> before = jobs.stream().collect(Collectors.toMap(j -> j, j -> holder(x, j)));
      holding.restart(() -> {
        for (String job : jobs) {
          if (before.get(job).equals(stopped)) {
            pollUntil(job + " taken over by the other server", () -> otherId.equals(holder(y, job)));
          }
        }
      });
    }
  }

  private static int quietMinutes(Api api, String appId) {
    return ok(api.get(alerts(api, appId) + "/rules")).getJsonArray("rules").stream().map(o -> (JsonObject) o)
        .filter(r -> "regression".equals(r.getString("rule"))).findFirst().orElseThrow().getInteger("quietMinutes");
  }

  private static List<String> claimedBy(TestServer server) throws Exception {
    return strings(a, "SELECT alert_id FROM alert_delivery WHERE claimed_by = ?", server.server().db().instanceId());
  }

  private static String holder(TestServer on, String lease) {
    try {
      List<String> h = strings(on, "SELECT holder FROM beacon_lease WHERE name = ? AND held_until > CURRENT_TIMESTAMP", lease);
      return h.isEmpty() ? null : h.get(0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> strings(TestServer on, String sql, String param) throws Exception {
    var config = on.server().config();
    try (Connection c = DriverManager.getConnection(config.dbUrl(), config.dbUser(), config.dbPassword());
        PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, param);
      List<String> out = new java.util.ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  private static void pollUntil(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
    await(what, done);
  }
}

package dev.beacon.api.alerts;

import static dev.beacon.api.alerts.AlertFixtures.list;
import static dev.beacon.api.alerts.AlertFixtures.ok;
import static dev.beacon.api.alerts.AlertFixtures.report;
import static dev.beacon.api.alerts.AlertFixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.MutableClock;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each issue rule fires once and then keeps quiet for its quiet period, on a server whose clock the
 * test moves; the spike rule on a synthetic week of history.
 */
class AlertRulesTest {
  private static final Instant START = Instant.parse("2026-10-01T12:00:00Z");
  private static final MutableClock clock = new MutableClock(START);
  private static TestServer server;
  private static Api dev;

  @BeforeAll
  static void setUp() throws Exception {
    server = TestServer.start(c -> c.clock(clock).tokenTtl(Duration.ofDays(3650)).errorRate(0).clientRatePerIp(0).clientRatePerKey(0));
    dev = server.newDeveloper();
  }

  @AfterAll
  static void tearDown() throws Exception {
    server.close();
  }

  @Test
  void aNewIssueIsAlertedOnceWhateverMoreEventsCome() {
    clock.set(START);
    TestApps.Created app = TestApps.create(dev);
    String first = report(server, app, "NullPointerException", "a", "1.0.0", "m1");
    report(server, app, "NullPointerException", "a", "1.0.0", "m2");
    clock.set(START.plus(Duration.ofHours(3)));
    report(server, app, "NullPointerException", "a", "1.0.0", "m3");
    String second = report(server, app, "IndexOutOfBoundsException", "b", "1.0.0", "m1");
    List<JsonObject> alerts = list(dev, app.appId(), "new_issue");
    assertEquals(List.of(second, first), alerts.stream().map(a -> a.getString("issueId")).toList(), "one per issue, newest first");
    assertEquals("none", alerts.get(0).getString("state"), "no destination: nothing to deliver");
  }

  @Test
  void aDisabledRuleRaisesNothing() {
    clock.set(START);
    TestApps.Created app = TestApps.create(dev);
    rule(dev, app.appId(), "new_issue", new JsonObject().put("enabled", false));
    report(server, app, "NullPointerException", "a", "1.0.0", "m1");
    assertTrue(list(dev, app.appId()).isEmpty());
  }

  @Test
  void aRegressionIsAlertedThenNotAgainWithinTheQuietPeriod() {
    clock.set(START);
    TestApps.Created app = TestApps.create(dev);
    rule(dev, app.appId(), "regression", new JsonObject().put("quietMinutes", 30));
    String issue = report(server, app, "IllegalStateException", "closed", "1.0.0", "m1");
    resolve(app, issue);
    clock.set(START.plus(Duration.ofMinutes(5)));
    report(server, app, "IllegalStateException", "closed", "1.1.0", "m1");
    assertEquals(1, list(dev, app.appId(), "regression").size(), "a newer version has it again");

    resolve(app, issue);
    clock.set(START.plus(Duration.ofMinutes(20)));
    report(server, app, "IllegalStateException", "closed", "1.2.0", "m1");
    assertEquals(1, list(dev, app.appId(), "regression").size(), "within 30 minutes of the last alert: quiet");

    resolve(app, issue);
    clock.set(START.plus(Duration.ofMinutes(40)));
    report(server, app, "IllegalStateException", "closed", "1.3.0", "m1");
    List<JsonObject> regressions = list(dev, app.appId(), "regression");
    assertEquals(2, regressions.size(), "after the quiet period it alerts again");
    assertTrue(regressions.get(0).getString("text").contains("1.3.0"), regressions.get(0)::encode);
  }

  @Test
  void aSpikeIsEventsInAnHourAboveFactorTimesTheWeeksHourlyAverage() {
    Instant now = START.plus(Duration.ofDays(30));
    TestApps.Created calm = TestApps.create(dev);
    TestApps.Created strict = TestApps.create(dev);
    // a week of history: 7 events a day (an hourly average of 7 / 24 = 0.29)
    for (int day = 7; day >= 1; day--) {
      for (int i = 0; i < 7; i++) {
        clock.set(now.minus(Duration.ofDays(day)).plus(Duration.ofMinutes(i)));
        report(server, calm, "SocketTimeoutException", "read timed out", "2.0.0", "m" + i);
        report(server, strict, "SocketTimeoutException", "read timed out", "2.0.0", "m" + i);
      }
    }
    // the rule on from here (the first day of the history was a spike of its own)
    rule(dev, calm.appId(), "spike", new JsonObject().put("enabled", true).put("threshold", 4).put("factor", 3));
    rule(dev, strict.appId(), "spike", new JsonObject().put("enabled", true).put("threshold", 4).put("factor", 100));
    // three in an hour: under the threshold of 4
    for (int i = 0; i < 3; i++) {
      clock.set(now.plus(Duration.ofMinutes(i)));
      report(server, calm, "SocketTimeoutException", "read timed out", "2.0.0", "m" + i);
      report(server, strict, "SocketTimeoutException", "read timed out", "2.0.0", "m" + i);
    }
    assertTrue(list(dev, calm.appId(), "spike").isEmpty());
    // the fourth: 4 >= 4 and 4 > 3 x 0.29, but not > 100 x 0.29
    clock.set(now.plus(Duration.ofMinutes(10)));
    report(server, calm, "SocketTimeoutException", "read timed out", "2.0.0", "m9");
    report(server, strict, "SocketTimeoutException", "read timed out", "2.0.0", "m9");
    List<JsonObject> spikes = list(dev, calm.appId(), "spike");
    assertEquals(1, spikes.size());
    assertTrue(spikes.get(0).getString("text").contains("4 events in the last hour"), spikes.get(0)::encode);
    assertTrue(list(dev, strict.appId(), "spike").isEmpty(), "within 100 times its average");

    // more events within the quiet hour: no second alert
    for (int i = 0; i < 5; i++) {
      clock.set(now.plus(Duration.ofMinutes(20 + i)));
      report(server, calm, "SocketTimeoutException", "read timed out", "2.0.0", "m" + i);
    }
    assertEquals(1, list(dev, calm.appId(), "spike").size(), "quiet for an hour");
    // two hours later a new burst: alerted again
    for (int i = 0; i < 4; i++) {
      clock.set(now.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(i)));
      report(server, calm, "SocketTimeoutException", "read timed out", "2.0.0", "m" + i);
    }
    assertEquals(2, list(dev, calm.appId(), "spike").size());
  }

  private static void resolve(TestApps.Created app, String issueId) {
    ok(dev.post("/v1/user/" + dev.openId + "/app/" + app.appId() + "/issues/" + issueId + "/action", new JsonObject().putNull("resolve")));
  }
}

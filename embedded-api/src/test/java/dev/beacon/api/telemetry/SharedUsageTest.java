package dev.beacon.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.MutableClock;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Several Beacons on one PostgreSQL database (servers in this JVM, each with its own data folder):
 * heartbeats spread over them give the same DAU/WAU/MAU, new machines, version adoption, summary
 * and release health on every one, equal to a brute-force count, while days close on the one that
 * holds the usage lease; and the same again after all stop and one starts.
 */
@EnabledIf(value = "dev.beacon.api.support.TestDatabase#postgres",
    disabledReason = "several servers share usage on PostgreSQL only (the CI PostgreSQL run runs it); H2 serves one process")
class SharedUsageTest {
  static final Instant START = Instant.parse("2026-07-01T00:00:00Z");
  static final ZoneId UTC = ZoneId.of("UTC");

  /** The case: machines 0-199 to the first, 100-299 to the second; 300 machines, not 200 on each. */
  @Test
  void twoServersCountEachMachineOnce() throws Exception {
    onFirstServer(9, (clock, first, dev, app) -> {
      UsageHistory h;
      try (TestServer second = first.alongside()) {
        h = new UsageHistory(List.of(first, second), clock, app.getString("appKey"));
        Instant at = clock.instant();
        for (int m = 0; m < 300; m++) {
          if (m < 200) {
            h.beat(first, "machine-" + m, "1.0.0", at = at.plusMillis(10));
          }
          if (m >= 100) {
            h.beat(second, "machine-" + m, "1.0.1", at = at.plusMillis(10));
          }
        }
        for (TestServer s : List.of(first, second)) {
          JsonObject summary = summary(s, dev, app);
          assertEquals(300, summary.getLong("dau"), summary::toString);
          assertEquals(300, summary.getLong("totalMachines"), summary::toString);
        }
        assertSameFigures(List.of(first, second), dev, app, h);
      }
      first.restart();
      JsonObject summary = summary(first, dev, app);
      assertEquals(300, summary.getLong("dau"), summary::toString);
      assertEquals(300, summary.getLong("totalMachines"), summary::toString);
      assertSameFigures(List.of(first), dev, app, h);
    });
  }

  /**
   * 300 machines over ten days, round-robin over three servers, versions moving on; days close and
   * snapshots are taken meanwhile (by the lease's holder only). Every figure on every server equals
   * the brute-force count, and after the others stop and the first restarts, it still does.
   */
  @Test
  void threeServersEqualABruteForceCountWhileDaysClose() throws Exception {
    onFirstServer(8, (clock, first, dev, app) -> {
      String versions = "/v1/user/" + dev.openId + "/app/" + app.getString("appId") + "/version";
      for (String[] v : new String[][] {{"1.0.0", "100"}, {"1.1.0", "110"}, {"1.2.0", "120"}}) {
        Resp created = dev.post(versions, new JsonObject().put("name", v[0]).put("code", Integer.parseInt(v[1]))
            .put("url", "https://dl.example.com/app-" + v[0] + ".zip").put("md5", "md5-of-" + v[0]));
        assertEquals(1000, created.code(), created::toString);
        Resp released = dev.post(versions + "/" + created.json().getString("versionId") + "/action",
            new JsonObject().putNull("release"));
        assertEquals(1000, released.code(), released::toString);
      }
      UsageHistory h;
      try (TestServer second = first.alongside(); TestServer third = first.alongside()) {
        List<TestServer> all = List.of(first, second, third);
        h = new UsageHistory(all, clock, app.getString("appKey"));
        Random random = new Random(20261204L);
        int[] upgradeDay = new int[300];
        for (int m = 0; m < 300; m++) {
          upgradeDay[m] = random.nextInt(12);
        }
        for (int day = 0; day < 10; day++) {
          Instant at = START.plus(Duration.ofDays(day)).plus(Duration.ofHours(9));
          for (int m = 0; m < 300; m++) {
            if (random.nextInt(10) < 5) {
              String version = day < upgradeDay[m] ? "1.0.0" : day < upgradeDay[m] + 3 ? "1.1.0" : "1.2.0";
              h.beat("machine-" + m, version, at = at.plusSeconds(20));
            }
          }
          if (day % 3 == 2) {
            // the hourly and half-minute jobs, on every server: only the lease's holder closes and snapshots
            for (TestServer s : all) {
              UsageAnalytics usage = s.server().feature(TelemetryFeature.class).usage();
              usage.closeDays();
              usage.snapshot();
            }
            assertSameFigures(all, dev, app, h);
          }
        }
        assertTrue(TestApps.count(first, "select count(*) from tel_day_bitmap where app_id = ?", app.getString("appId")) > 0,
            "days were closed");
        assertSameFigures(all, dev, app, h);
      }
      first.restart();
      assertSameFigures(List.of(first), dev, app, h);
    });
  }

  /** A test's part on the first server: its clock, the server, a developer, and their app whose days are UTC days. */
  @FunctionalInterface
  private interface OnFirst {
    void run(MutableClock clock, TestServer first, Api dev, JsonObject app) throws Exception;
  }

  /** Starts the first server on a clock at {@code hour} o'clock on {@link #START}, with a developer and their app, and runs the test on it. */
  private static void onFirstServer(int hour, OnFirst test) throws Exception {
    MutableClock clock = new MutableClock(START.plus(Duration.ofHours(hour)));
    try (TestServer first = TestServer.startClocked(clock)) {
      Api dev = first.newDeveloper();
      test.run(clock, first, dev, app(dev));
    }
  }

  private static JsonObject app(Api dev) {
    Resp r = dev.post("/v1/user/" + dev.openId + "/app", new JsonObject().put("name", "shared").put("platform", 3).put("timeZone", "UTC"));
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonObject("app");
  }

  private static JsonObject summary(TestServer server, Api dev, JsonObject app) {
    Resp r = on(server, dev).get(stats(dev, app) + "summary");
    assertEquals(1000, r.code(), r::toString);
    return r.json();
  }

  /** Every figure on every server: equal to the others' and to the brute-force count. */
  private static void assertSameFigures(List<TestServer> servers, Api dev, JsonObject app, UsageHistory h) {
    LocalDate from = LocalDate.ofInstant(START, UTC).minusDays(3);
    LocalDate to = LocalDate.ofInstant(START, UTC).plusDays(12);
    String range = "?from=" + from + "&to=" + to;
    JsonArray expected = h.expectedActive(UTC, from, to);
    JsonArray expectedVersions = h.expectedVersions(UTC, from, to);
    List<JsonObject> answers = new ArrayList<>();
    for (TestServer s : servers) {
      Api api = on(s, dev);
      String where = " (server on port " + s.port() + ")";
      assertEquals(expected, UsageExactnessTest.series(api, stats(dev, app) + "active" + range), "active" + where);
      assertEquals(expectedVersions, UsageExactnessTest.series(api, stats(dev, app) + "versions" + range), "versions" + where);
      JsonObject summary = summary(s, dev, app);
      assertEquals(h.machines(), summary.getLong("totalMachines"), where);
      JsonObject health = health(api, app, "30d");
      for (Object o : health.getJsonArray("versions")) {
        JsonObject v = (JsonObject) o;
        assertEquals(h.machinesOn(v.getString("version"), UTC, LocalDate.parse(health.getString("from")),
            LocalDate.parse(health.getString("to"))).size(), v.getLong("machines"), () -> "health of " + v + where);
      }
      answers.add(new JsonObject().put("summary", summary).put("health30", health).put("health7", health(api, app, "7d")));
    }
    for (JsonObject a : answers) {
      assertEquals(answers.get(0), a, "the same summary and health on every server");
    }
  }

  private static JsonObject health(Api api, JsonObject app, String window) {
    Resp r = api.get("/v1/user/" + api.openId + "/app/" + app.getString("appId") + "/health?window=" + window);
    assertEquals(1000, r.code(), r::toString);
    return r.json();
  }

  private static Api on(TestServer server, Api dev) {
    return new Api(server.base(), dev.openId, dev.token);
  }

  private static String stats(Api dev, JsonObject app) {
    return "/v1/user/" + dev.openId + "/app/" + app.getString("appId") + "/stats/";
  }
}

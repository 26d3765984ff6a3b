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
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Exactness on a random history: a few dozen machines with random lifetimes, activity and
 * versions over 75 days in an app zone other than UTC, checked day by day against a brute-force
 * count, before and after restarts (which close old days into bitmaps), so that open days, closed
 * days and windows mixing both are all compared.
 */
class UsageExactnessTest {
  static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

  @Test
  void everyFigureEqualsABruteForceCount() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-07-01T00:00:00Z"));
    try (TestServer server = TestServer.startClocked(clock)) {
      Api signedIn = server.newDeveloper();
      Resp created = signedIn.post("/v1/user/" + signedIn.openId + "/app",
          new JsonObject().put("name", "random").put("platform", 3).put("timeZone", ZONE.getId()));
      JsonObject app = created.json().getJsonObject("app");
      UsageHistory h = new UsageHistory(server, clock, app.getString("appKey"));
      Random random = new Random(20261123L);
      int machines = 40;
      int[] start = new int[machines];
      int[] end = new int[machines];
      double[] activity = new double[machines];
      for (int m = 0; m < machines; m++) {
        start[m] = random.nextInt(60);
        end[m] = Math.min(75, start[m] + 1 + random.nextInt(45));
        activity[m] = 0.15 + random.nextDouble() * 0.7;
      }
      Instant first = Instant.parse("2026-07-01T03:00:00Z");
      for (int day = 0; day < 75; day++) {
        // a few heartbeats per active machine at random minutes of the day, in time order
        java.util.List<long[]> beats = new java.util.ArrayList<>();
        for (int m = 0; m < machines; m++) {
          if (day >= start[m] && day < end[m] && random.nextDouble() < activity[m]) {
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
              beats.add(new long[] {random.nextInt(24 * 60), m});
            }
          }
        }
        beats.sort((a, b) -> Long.compare(a[0], b[0]));
        for (long[] b : beats) {
          String version = "1." + Math.min(3, (day + (int) b[1]) / 20) + (random.nextInt(10) == 0 ? "-beta" : "");
          h.beat("machine-" + b[1], version, first.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(b[0])));
        }
        if (day == 40) {
          server.restart();
        }
      }
      Api dev = new Api(server.base(), signedIn.openId, signedIn.token);
      LocalDate from = LocalDate.parse("2026-06-25");
      LocalDate to = LocalDate.parse("2026-09-20");
      String base = "/v1/user/" + dev.openId + "/app/" + app.getString("appId") + "/stats/";
      JsonArray expected = h.expectedActive(ZONE, from, to);
      JsonArray expectedVersions = h.expectedVersions(ZONE, from, to);
      assertTrue(expected.stream().mapToLong(o -> ((JsonObject) o).getLong("mau")).max().orElse(0) > 10, "a history worth checking");
      assertEquals(expected, series(dev, base + "active?from=" + from + "&to=" + to));
      assertEquals(expectedVersions, series(dev, base + "versions?from=" + from + "&to=" + to));

      clock.set(Instant.parse("2026-10-01T00:00:00Z"));
      server.restart();
      Api again = new Api(server.base(), dev.openId, dev.token);
      assertEquals(0, TestApps.count(server, "select count(*) from tel_open_day where app_id = ?", app.getString("appId")),
          "every day is closed now");
      assertEquals(expected, series(again, base + "active?from=" + from + "&to=" + to), "the same from closed days");
      assertEquals(expectedVersions, series(again, base + "versions?from=" + from + "&to=" + to));
    }
  }

  static JsonArray series(Api api, String path) {
    Resp r = api.get(path);
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonArray("series");
  }
}

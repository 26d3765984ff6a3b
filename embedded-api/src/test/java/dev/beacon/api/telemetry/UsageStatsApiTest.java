package dev.beacon.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.core.Dates;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.MutableClock;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stats API on hand-built histories: the server's clock is set to each heartbeat's instant,
 * and the answers are compared with literal figures and with a brute-force count.
 */
class UsageStatsApiTest {
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  static TestServer server;
  static Api developer;

  @BeforeAll
  static void up() throws Exception {
    // tokens are issued and checked on the same hand-set clock: let them outlive every history
    server = TestServer.start(c -> c.clock(CLOCK).tokenTtl(java.time.Duration.ofDays(3650)).clientRatePerIp(0).clientRatePerKey(0));
    developer = server.newDeveloper();
  }

  @AfterAll
  static void down() throws Exception {
    server.close();
  }

  static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  static Instant local(String localDateTime) {
    return at(localDateTime, Dates.zone());
  }

  static String stats(TestServer s, TestApps.Created app, String what) {
    return "/v1/user/" + developer.openId + "/app/" + app.appId() + "/stats/" + what;
  }

  static JsonArray series(Api api, String path) {
    Resp r = api.get(path);
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonArray("series");
  }

  static JsonObject row(JsonArray series, String date) {
    return series.stream().map(o -> (JsonObject) o).filter(o -> o.getString("date").equals(date)).findFirst().orElseThrow();
  }

  static JsonObject figures(long dau, long wau, long mau, long newMachines) {
    return new JsonObject().put("dau", dau).put("wau", wau).put("mau", mau).put("newMachines", newMachines);
  }

  static JsonObject without(JsonObject o, String key) {
    JsonObject c = o.copy();
    c.remove(key);
    return c;
  }

  @Test
  void exactAcrossYearAndMonthBoundariesWithVersionsAndEmptyDaysAndARestart() throws Exception {
    TestApps.Created app = TestApps.create(developer);
    UsageHistory h = new UsageHistory(server, CLOCK, app.appKey());
    h.beat("m1", "1.0", local("2025-12-30T12:00:00"))
        .beat("m1", "1.0", local("2025-12-31T08:00:00"))
        .beat("m2", "1.0", local("2025-12-31T23:59:00"))
        .beat("m1", "1.0", local("2026-01-01T00:00:00"))
        .beat("m3", "1.0", local("2026-01-01T10:00:00"))
        .beat("m3", "1.0", local("2026-01-01T11:00:00"))
        .beat("m1", "2.0", local("2026-01-01T15:00:00"))   // m1 upgrades mid-day: counted under 2.0
        .beat("m2", "2.0", local("2026-01-05T12:00:00"))
        .beat("m4", "2.0", local("2026-01-30T12:00:00"))
        .beat("m4", "2.0", local("2026-02-01T12:00:00"));
    String path = stats(server, app, "active?from=2025-12-29&to=2026-02-02");
    JsonArray active = series(developer, path);
    assertEquals(36, active.size(), "one row per day, the empty ones too");
    assertEquals(figures(0, 0, 0, 0), without(row(active, "2025-12-29"), "date"));
    assertEquals(figures(1, 1, 1, 1), without(row(active, "2025-12-30"), "date"));
    assertEquals(figures(2, 2, 2, 1), without(row(active, "2025-12-31"), "date"));
    assertEquals(figures(2, 3, 3, 1), without(row(active, "2026-01-01"), "date"), "the year boundary");
    assertEquals(figures(0, 3, 3, 0), without(row(active, "2026-01-02"), "date"), "a day without traffic");
    assertEquals(figures(1, 3, 3, 0), without(row(active, "2026-01-05"), "date"));
    assertEquals(figures(0, 1, 3, 0), without(row(active, "2026-01-08"), "date"), "WAU is 7 days: 01-02..01-08 only has m2");
    assertEquals(figures(0, 0, 3, 0), without(row(active, "2026-01-29"), "date"), "MAU is 30 days: 12-31..01-29");
    assertEquals(figures(1, 1, 4, 1), without(row(active, "2026-01-30"), "date"), "01-01..01-30");
    assertEquals(figures(0, 1, 2, 0), without(row(active, "2026-01-31"), "date"), "the month boundary: 01-02..01-31");
    assertEquals(figures(1, 1, 2, 0), without(row(active, "2026-02-01"), "date"));
    assertEquals(h.expectedActive(Dates.zone(), LocalDate.parse("2025-12-29"), LocalDate.parse("2026-02-02")), active);

    String versionsPath = stats(server, app, "versions?from=2025-12-31&to=2026-01-02");
    JsonArray versions = series(developer, versionsPath);
    assertEquals(new JsonArray()
        .add(new JsonObject().put("date", "2025-12-31").put("versions", new JsonArray().add(version("1.0", 2))))
        .add(new JsonObject().put("date", "2026-01-01").put("versions", new JsonArray().add(version("1.0", 1)).add(version("2.0", 1))))
        .add(new JsonObject().put("date", "2026-01-02").put("versions", new JsonArray())), versions);

    CLOCK.set(local("2026-02-01T12:10:00"));
    Resp summary = developer.get(stats(server, app, "summary"));
    assertEquals(new JsonObject().put("code", 1000).put("msg", "success").put("onlineNow", 1).put("dau", 1).put("wau", 1)
        .put("mau", 2).put("stickiness", 0.5).put("totalMachines", 4).put("lastHeartbeat", "2026-02-01 12:00:00"), summary.json());

    // a restart (which also folds the old days into bitmaps) keeps every figure
    CLOCK.set(local("2026-02-05T09:00:00"));
    server.restart();
    Api again = new Api(server.base(), developer.openId, developer.token);
    assertEquals(active, series(again, path), "the same after a restart, with the old days closed");
    assertEquals(versions, series(again, versionsPath));
    assertTrue(TestApps.count(server, "select count(*) from tel_day_bitmap where app_id = ?", app.appId()) > 0,
        "the old days were closed into bitmaps");
    JsonObject after = again.get(stats(server, app, "summary")).json();
    assertEquals(0, after.getInteger("onlineNow"));
    assertEquals(4, after.getInteger("totalMachines"));
    assertEquals("2026-02-01 12:00:00", after.getString("lastHeartbeat"));
    developer = again;
  }

  static JsonObject version(String v, long machines) {
    return new JsonObject().put("version", v).put("machines", machines);
  }

  @Test
  void daysAreTheAppsCalendarDays() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    ZoneId newYork = ZoneId.of("America/New_York");
    Resp created = developer.post("/v1/user/" + developer.openId + "/app",
        new JsonObject().put("name", "tokyo").put("platform", 1).put("timeZone", "Asia/Tokyo"));
    assertEquals(1000, created.code(), created::toString);
    assertEquals("Asia/Tokyo", created.json().getJsonObject("app").getString("timeZone"));
    TestApps.Created inTokyo = new TestApps.Created(created.json().getJsonObject("app").getString("appId"),
        created.json().getJsonObject("app").getString("appKey"));
    TestApps.Created inNewYork = TestApps.create(developer);
    Resp changed = developer.put("/v1/user/" + developer.openId + "/app/" + inNewYork.appId(), new JsonObject().put("timeZone", "America/New_York"));
    assertEquals("America/New_York", changed.json().getJsonObject("app").getString("timeZone"), changed::toString);

    // 2026-03-10 20:00 UTC is 03-11 05:00 in Tokyo and 03-10 16:00 in New York
    Instant when = Instant.parse("2026-03-10T20:00:00Z");
    UsageHistory tokyoHistory = new UsageHistory(server, CLOCK, inTokyo.appKey()).beat("t1", "1.0", when);
    UsageHistory newYorkHistory = new UsageHistory(server, CLOCK, inNewYork.appKey()).beat("n1", "1.0", when);
    JsonArray t = series(developer, stats(server, inTokyo, "active?from=2026-03-10&to=2026-03-11"));
    assertEquals(0, row(t, "2026-03-10").getInteger("dau"));
    assertEquals(1, row(t, "2026-03-11").getInteger("dau"));
    assertEquals(tokyoHistory.expectedActive(tokyo, LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-11")), t);
    JsonArray n = series(developer, stats(server, inNewYork, "active?from=2026-03-10&to=2026-03-11"));
    assertEquals(1, row(n, "2026-03-10").getInteger("dau"));
    assertEquals(0, row(n, "2026-03-11").getInteger("dau"));
    assertEquals(newYorkHistory.expectedActive(newYork, LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-11")), n);

    Resp bad = developer.put("/v1/user/" + developer.openId + "/app/" + inTokyo.appId(), new JsonObject().put("timeZone", "Mars/Olympus"));
    assertEquals(4000, bad.code(), bad::toString);
    assertTrue(bad.msg().contains("timeZone"), bad::toString);
    Resp plain = developer.get("/v1/user/" + developer.openId + "/app/" + TestApps.create(developer).appId());
    assertEquals(Dates.zone().getId(), plain.json().getJsonObject("app").getString("timeZone"), "the server's zone by default");
  }

  @Test
  void anotherDevelopersAppIsRefusedAndAnAdminSeesAny() {
    TestApps.Created app = TestApps.create(developer);
    new UsageHistory(server, CLOCK, app.appKey()).beat("x", "1.0", Instant.parse("2026-04-01T10:00:00Z"));
    Api other = server.newDeveloper();
    for (String what : new String[] {"active", "versions", "summary"}) {
      Resp r = other.get("/v1/user/" + other.openId + "/app/" + app.appId() + "/stats/" + what);
      assertEquals(4004, r.code(), r::toString);
      Resp stranger = other.get("/v1/user/" + developer.openId + "/app/" + app.appId() + "/stats/" + what);
      assertEquals(4003, stranger.code(), "another developer's openId in the path: " + stranger);
      Resp anonymous = server.anonymous().get("/v1/user/" + developer.openId + "/app/" + app.appId() + "/stats/" + what);
      assertEquals(4001, anonymous.code(), anonymous::toString);
    }
    Api admin = server.admin();
    JsonArray seen = series(admin, "/v1/user/" + admin.openId + "/app/" + app.appId() + "/stats/active?from=2026-04-01&to=2026-04-01");
    assertEquals(1, seen.getJsonObject(0).getInteger("dau"), "an admin reads any app's stats");
  }

  @Test
  void datesAndTheirRangeAreChecked() {
    TestApps.Created app = TestApps.create(developer);
    assertEquals(400, series(developer, stats(server, app, "active?from=2025-01-01&to=2026-02-04")).size(), "400 days are allowed");
    for (String query : new String[] {"from=2025-01-01&to=2026-02-05", "from=2026-13-01&to=2026-12-01", "from=2026-02-01&to=2026-01-31",
        "from=yesterday&to=2026-01-01", "from=2026-01-01&to=2026-01-02&format=xml"}) {
      Resp r = developer.get(stats(server, app, "active?" + query));
      assertEquals(400, r.status(), query + ": " + r);
      assertEquals(4000, r.code(), query + ": " + r);
    }
    Resp tooMany = developer.get(stats(server, app, "versions?from=2025-01-01&to=2026-02-05"));
    assertTrue(tooMany.msg().contains("at most 400 days"), tooMany::toString);
    Resp reversed = developer.get(stats(server, app, "active?from=2026-02-01&to=2026-01-31"));
    assertTrue(reversed.msg().contains("after"), reversed::toString);

    CLOCK.set(Instant.parse("2026-05-20T12:00:00Z"));
    JsonArray defaults = series(developer, stats(server, app, "active"));
    assertEquals(30, defaults.size(), "30 days up to today by default");
    assertEquals(LocalDate.ofInstant(CLOCK.instant(), Dates.zone()).toString(), defaults.getJsonObject(29).getString("date"));
  }

  @Test
  void theActiveSeriesComesAsCsv() {
    TestApps.Created app = TestApps.create(developer);
    UsageHistory h = new UsageHistory(server, CLOCK, app.appKey())
        .beat("a", "1.0", Instant.parse("2026-06-01T10:00:00Z"))
        .beat("b", "1.0", Instant.parse("2026-06-02T10:00:00Z"));
    Resp byParam = developer.get(stats(server, app, "active?from=2026-06-01&to=2026-06-03&format=csv"));
    Resp byAccept = developer.send(developer.request(stats(server, app, "active?from=2026-06-01&to=2026-06-03"))
        .header("Accept", "text/csv").GET());
    for (Resp r : new Resp[] {byParam, byAccept}) {
      assertEquals(200, r.status(), r::toString);
      assertEquals("text/csv; charset=utf-8", r.header("Content-Type"));
      assertNotNull(r.header("Content-Disposition"));
      assertTrue(r.header("Content-Disposition").matches("attachment; filename=\"[^\"]+\\.csv\""), r.header("Content-Disposition"));
      String[] lines = r.raw().split("\r\n");
      assertEquals("date,dau,wau,mau,newMachines", lines[0]);
      assertEquals(4, lines.length, r.raw());
      JsonArray expected = h.expectedActive(Dates.zone(), LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-03"));
      for (int i = 0; i < 3; i++) {
        JsonObject e = expected.getJsonObject(i);
        assertEquals(e.getString("date") + "," + e.getLong("dau") + "," + e.getLong("wau") + "," + e.getLong("mau") + ","
            + e.getLong("newMachines"), lines[i + 1]);
      }
    }
  }
}

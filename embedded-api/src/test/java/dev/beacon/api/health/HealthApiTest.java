package dev.beacon.api.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Release health on hand-built histories (heartbeats and error reports at chosen instants on a
 * server whose clock the test moves), checked against the same figures counted the slow, obvious
 * way from what was sent: machines moving between versions mid-window, a machine with errors on
 * two versions, a machine with errors and no heartbeat, a version without traffic, days closed
 * (after a restart) and open, the previous version at the same age, a module version, another
 * developer's app, and windows the route refuses.
 */
class HealthApiTest {
  private static final Instant START = Instant.parse("2026-07-01T00:00:00Z");

  private record Sent(String machine, String version, Instant at) {}

  /** What the test sent, and the brute-force figures from it (days in UTC, the app's zone). */
  private static final class History {
    final List<Sent> beats = new ArrayList<>();
    final List<Sent> errors = new ArrayList<>();

    /** Each machine's version per day: the version of its last heartbeat that day. */
    Map<LocalDate, Map<String, String>> dayVersions() {
      Map<LocalDate, Map<String, String>> out = new TreeMap<>();
      Map<String, Instant> last = new HashMap<>();
      for (Sent b : beats) {
        LocalDate d = day(b.at());
        String key = d + "/" + b.machine();
        if (!last.containsKey(key) || !b.at().isBefore(last.get(key))) {
          last.put(key, b.at());
          out.computeIfAbsent(d, k -> new HashMap<>()).put(b.machine(), b.version());
        }
      }
      return out;
    }

    Set<String> machines(String version, LocalDate from, LocalDate to) {
      Set<String> out = new HashSet<>();
      dayVersions().forEach((d, m) -> {
        if (!d.isBefore(from) && !d.isAfter(to)) {
          m.forEach((machine, v) -> {
            if (version == null || v.equals(version)) {
              out.add(machine);
            }
          });
        }
      });
      return out;
    }

    Set<String> erred(String version, LocalDate from, LocalDate to) {
      Set<String> out = new HashSet<>();
      errors.stream().filter(e -> e.version().equals(version) && !day(e.at()).isBefore(from) && !day(e.at()).isAfter(to))
          .forEach(e -> out.add(e.machine()));
      return out;
    }

    /** The figures the route should answer for the version over from..to. */
    void check(JsonObject v, String version, LocalDate from, LocalDate to) {
      Set<String> machines = machines(version, from, to);
      Set<String> bad = new HashSet<>(erred(version, from, to));
      bad.retainAll(machines);
      int all = machines(null, from, to).size();
      assertEquals(from.toString(), v.getString("from"), v::encodePrettily);
      assertEquals(to.toString(), v.getString("to"), v::encodePrettily);
      assertEquals(machines.size(), v.getLong("machines"), () -> version + " machines: " + v.encodePrettily());
      assertEquals(bad.size(), v.getLong("errorMachines"), () -> version + " machines with errors: " + v.encodePrettily());
      assertRate(machines.isEmpty() ? null : 1.0 - (double) bad.size() / machines.size(), v.getDouble("errorFreeRate"), version);
      assertRate(all == 0 ? null : (double) machines.size() / all, v.getDouble("share"), version);
      JsonArray trend = v.getJsonArray("trend");
      int i = 0;
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1), i++) {
        JsonObject t = trend.getJsonObject(i);
        Set<String> on = machines(version, d, d);
        Set<String> onBad = new HashSet<>(erred(version, d, d));
        onBad.retainAll(on);
        assertEquals(d.toString(), t.getString("date"));
        assertEquals(on.size(), t.getLong("machines"), () -> version + " on " + t);
        assertEquals(onBad.size(), t.getLong("errorMachines"), () -> version + " on " + t);
      }
      assertEquals(i, trend.size());
    }
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  private static void assertRate(Double expected, Double actual, String what) {
    if (expected == null) {
      assertNull(actual, what);
    } else {
      assertNotNull(actual, what);
      assertEquals(expected, actual, 1e-9, what);
    }
  }

  /**
   * A server on the test's clock (starting at {@link #START}) with a new developer's new app whose
   * days are UTC days, and the history of what the test sent to it.
   */
  private static final class Scene implements AutoCloseable {
    final MutableClock clock = new MutableClock(START);
    final TestServer server;
    final History h = new History();
    final String appId;
    final String appKey;
    /** The path of the app's versions. */
    final String versions;
    /** The developer, signed in on the server's current port. */
    Api dev;

    Scene(String name) throws Exception {
      server = TestServer.startClocked(clock);
      try {
        dev = server.newDeveloper();
        JsonObject app = utcApp(dev, name);
        appId = app.getString("appId");
        appKey = app.getString("appKey");
        versions = "/v1/user/" + dev.openId + "/app/" + appId + "/version";
      } catch (Exception | Error e) {
        server.close();
        throw e;
      }
    }

    /** A heartbeat at {@code at}, on the clock and in the history. */
    void beat(String machine, String version, Instant at) {
      clock.set(at);
      Resp r = server.anonymous().post("/api/v1/user/heartbeat",
          new JsonObject().put("app_key", appKey).put("machine_id", machine).put("version", version));
      assertEquals(200, r.status(), r::toString);
      h.beats.add(new Sent(machine, version, at));
    }

    /** An error report at {@code at}, on the clock and in the history. */
    void error(String machine, String version, Instant at, String type) {
      clock.set(at);
      Resp r = server.anonymous().post("/api/v1/error/report", new JsonObject().put("app_key", appKey).put("machine_id", machine)
          .put("software_version", version).put("error_type", type).put("error_message", "boom")
          .put("error_stack", "at com.acme.Main.run(Main.java:1)").put("os_info", "Windows 11"));
      assertEquals(200, r.status(), r::toString);
      h.errors.add(new Sent(machine, version, at));
    }

    /** Stops the server and starts it again on its data folder; the developer's token outlives it. */
    void restart() throws Exception {
      server.restart();
      dev = new Api(server.base(), dev.openId, dev.token);
    }

    @Override
    public void close() throws Exception {
      server.close();
    }
  }

  /** A new app whose days are UTC days, as the server answered it. */
  private static JsonObject utcApp(Api dev, String name) {
    Resp r = dev.post("/v1/user/" + dev.openId + "/app", new JsonObject().put("name", name).put("platform", 3).put("timeZone", "UTC"));
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonObject("app");
  }

  private static Instant at(int day, int hour) {
    return START.plus(Duration.ofDays(day - 1L)).plus(Duration.ofHours(hour));
  }

  @Test
  void figuresMatchABruteForceCountOverClosedAndOpenDays() throws Exception {
    try (Scene s = new Scene("health")) {
      s.clock.set(at(1, 8));
      String v150 = released(s.dev, s.versions, "1.5.0", 150);
      String v170 = create(s.dev, s.versions, "1.7.0", 170); // a draft, never heard of
      for (int m = 1; m <= 6; m++) {
        s.beat("m" + m, "1.5.0", at(1, 9 + m));
      }
      s.error("m1", "1.5.0", at(1, 18), "NullPointerException");
      s.error("ghost", "1.5.0", at(1, 19), "NullPointerException"); // no heartbeat: not one of usage's machines
      s.beat("m1", "1.5.0", at(2, 9));
      s.beat("m3", "1.5.0", at(2, 10));

      s.clock.set(at(3, 9));
      String v160 = create(s.dev, s.versions, "1.6.0", 160);
      action(s.dev, s.versions, v160, new JsonObject().put("release", new JsonObject().put("rollout", 50)));
      s.beat("m1", "1.5.0", at(3, 10));
      s.beat("m1", "1.6.0", at(3, 11)); // moves mid-day: 1.6.0 is its version that day
      s.beat("m2", "1.6.0", at(3, 12));
      s.beat("m3", "1.5.0", at(3, 13));
      s.error("m1", "1.6.0", at(3, 14), "IllegalStateException"); // errors on two versions
      s.error("m3", "1.5.0", at(3, 15), "IllegalStateException");

      // four days later the first days close into bitmaps at the next start
      s.clock.set(at(6, 8));
      s.restart(); // a new port; the token outlives the restart
      s.beat("m4", "1.6.0", at(6, 9));
      s.beat("m5", "1.5.0", at(6, 10));
      s.error("m4", "1.6.0", at(6, 11), "IllegalStateException");
      s.error("m5", "1.6.0", at(6, 12), "IllegalStateException"); // reports 1.6.0, runs 1.5.0: not counted on 1.6.0
      s.clock.set(at(6, 20));

      JsonObject week = health(s.dev, s.appId, "7d");
      assertEquals("7d", week.getString("window"));
      assertEquals(day(at(6, 0)).toString(), week.getString("to"));
      List<String> order = week.getJsonArray("versions").stream().map(o -> ((JsonObject) o).getString("version")).toList();
      assertEquals(List.of("1.7.0", "1.6.0", "1.5.0"), order);
      LocalDate to = day(at(6, 0));
      LocalDate from = to.minusDays(6);
      JsonObject j170 = find(week, v170);
      s.h.check(j170, "1.7.0", from, to);
      assertEquals(0, j170.getLong("machines"));
      assertNull(j170.getValue("errorFreeRate"), "no traffic: nothing to divide");
      JsonObject j160 = find(week, v160);
      s.h.check(j160, "1.6.0", from, to);
      assertEquals("rolling", j160.getString("state"));
      assertEquals(50, j160.getInteger("rollout"));
      assertEquals(2, j160.getLong("errorMachines"), "m1 and m4; m5's report came from a machine on 1.5.0");
      JsonObject j150 = find(week, v150);
      s.h.check(j150, "1.5.0", from, to);
      assertEquals(2, j150.getLong("errorMachines"), "m1 and m3; the ghost sent no heartbeat");
      assertEquals(1, j150.getLong("newIssues"));
      assertEquals(1, j160.getLong("newIssues"));
      // 1.6.0 has been out 4 days (days 3..6): 1.5.0 over its first 4 days (days 1..4)
      JsonObject previous = j160.getJsonObject("previous");
      assertEquals(v150, previous.getString("versionId"));
      s.h.check(previous, "1.5.0", day(at(1, 0)), day(at(4, 0)));
      assertEquals(previous.getDouble("errorFreeRate") > j160.getDouble("errorFreeRate"), j160.getBoolean("worse"));
      assertNull(j150.getValue("previous"));

      JsonObject lastDay = health(s.dev, s.appId, null);
      assertEquals("24h", lastDay.getString("window"));
      s.h.check(find(lastDay, v160), "1.6.0", to.minusDays(1), to);

      // the offering for alerts: the last 24 hours (today and yesterday here)
      ReleaseHealth offering = s.server.server().feature(HealthFeature.class).releaseHealth();
      Optional<VersionFigures> fig = offering.lastDay(s.appId, v160);
      assertTrue(fig.isPresent());
      assertEquals(find(lastDay, v160).getLong("machines"), fig.get().machines());
      assertEquals(find(lastDay, v160).getLong("errorMachines"), fig.get().errorMachines());
      assertEquals("1.6.0", fig.get().version());
      assertEquals(Optional.empty(), offering.lastDay(s.appId, "nope"));
    }
  }

  @Test
  void versionsMachinesRunThatAreNotReleasesAreListedInVersionOrder() throws Exception {
    try (Scene s = new Scene("observed")) {
      s.clock.set(at(1, 8));
      String v150 = released(s.dev, s.versions, "1.5.0", 150);
      String v140 = released(s.dev, s.versions, "1.4.0", 140);
      s.beat("m1", "1.5.0", at(1, 9));
      s.beat("m2", "2.0.0", at(1, 10)); // a build never published in Beacon
      s.beat("m3", "2.0.0", at(1, 11));
      s.beat("m4", "1.5.1-beta.2", at(1, 12));
      s.beat("m5", "0.9", at(1, 13));
      s.error("m2", "2.0.0", at(1, 14), "NullPointerException");
      s.error("m9", "3.0.0", at(1, 15), "NullPointerException"); // errors only: no machines, not listed
      s.clock.set(at(1, 20));

      JsonObject day = health(s.dev, s.appId, "24h");
      List<String> order = day.getJsonArray("versions").stream().map(o -> ((JsonObject) o).getString("version")).toList();
      assertEquals(List.of("2.0.0", "1.5.1-beta.2", "1.5.0", "1.4.0", "0.9"), order);
      LocalDate to = day(at(1, 0));
      LocalDate from = to.minusDays(1);
      for (Object o : day.getJsonArray("versions")) {
        JsonObject v = (JsonObject) o;
        s.h.check(v, v.getString("version"), from, to);
        boolean released = List.of("1.5.0", "1.4.0").contains(v.getString("version"));
        assertEquals(released, v.getString("versionId") != null, v::encodePrettily);
        if (!released) {
          assertEquals("unreleased", v.getString("state"), v::encodePrettily);
          assertNull(v.getValue("rollout"), v::encodePrettily);
          assertNull(v.getValue("code"), v::encodePrettily);
          assertNull(v.getValue("previous"), "nothing to compare an unreleased version from: " + v.encodePrettily());
        }
      }
      JsonObject v200 = day.getJsonArray("versions").getJsonObject(0);
      assertEquals(1, v200.getLong("errorMachines"));
      assertEquals(1, v200.getLong("newIssues"));
      assertEquals(v140, find(day, v150).getJsonObject("previous").getString("versionId"),
          "a release is compared with the release before it, not with an unreleased version between them");
    }
  }

  @Test
  void aModuleVersionCountsTheMachinesItsUpdateChecksNamed() throws Exception {
    try (Scene s = new Scene("modular")) {
      Api dev = s.dev;
      String modules = "/v1/user/" + dev.openId + "/app/" + s.appId + "/module";
      String moduleId = dev.post(modules, new JsonObject().put("name", "codecs")).json().getString("moduleId");
      String versions = modules + "/" + moduleId + "/version";
      String v1 = moduleVersion(dev, versions, "1.0.0", 1);
      s.clock.set(at(2, 8));
      String v2 = moduleVersion(dev, versions, "2.0.0", 2);
      // machines a..d check with code 1 on day 1, b and c move to code 2 on day 2; b and d report errors
      s.clock.set(at(1, 10));
      for (String m : List.of("a", "b", "c", "d")) {
        check(s, moduleId, m, 1);
        s.h.beats.add(new Sent(m, "1", at(1, 10)));
      }
      s.clock.set(at(2, 10));
      for (String m : List.of("b", "c")) {
        check(s, moduleId, m, 2);
        check(s, moduleId, m, 2); // twice: one machine
        s.h.beats.add(new Sent(m, "2", at(2, 10)));
      }
      s.error("b", "5.0.0", at(2, 11), "CodecError");
      s.error("d", "5.0.0", at(2, 12), "CodecError");
      check(s, moduleId, "e", null); // no code: says nothing of its version
      s.clock.set(at(2, 20));

      Resp r = dev.get(modules + "/" + moduleId + "/health?window=7d");
      assertEquals(1000, r.code(), r::toString);
      JsonObject j2 = find(r.json(), v2);
      JsonObject j1 = find(r.json(), v1);
      assertEquals(2, j2.getLong("machines"));
      assertEquals(1, j2.getLong("errorMachines"), "b, on module 2.0.0 when it reported");
      assertEquals(0.5, j2.getDouble("errorFreeRate"), 1e-9);
      assertEquals(4, j1.getLong("machines"), "a, b, c and d checked with code 1 on day 1");
      assertEquals(2, j1.getLong("errorMachines"), "b and d reported errors in the window");
      assertEquals(0.5, j2.getDouble("share"), 1e-9);
      assertNull(j2.getValue("crashFreeSessions"));
      assertEquals(v1, j2.getJsonObject("previous").getString("versionId"));
      JsonArray trend = j2.getJsonArray("trend");
      assertEquals(7, trend.size());
      assertEquals(new JsonObject().put("date", "2026-07-01").put("machines", 0).put("errorMachines", 0), trend.getJsonObject(5));
      assertEquals(new JsonObject().put("date", "2026-07-02").put("machines", 2).put("errorMachines", 1), trend.getJsonObject(6));
      assertEquals(4004, dev.get(modules + "/nope/health").code(), "a module the app does not have");
    }
  }

  @Test
  void ownAppsOnlyAndWindowsAreChecked() throws Exception {
    try (TestServer server = TestServer.start()) {
      Api owner = server.newDeveloper();
      Api other = server.newDeveloper();
      String appId = owner.post("/v1/user/" + owner.openId + "/app", new JsonObject().put("name", "mine").put("platform", 3))
          .json().getJsonObject("app").getString("appId");
      for (String w : List.of("24h", "7d", "30d")) {
        assertEquals(w, health(owner, appId, w).getString("window"));
      }
      Resp refused = other.get("/v1/user/" + other.openId + "/app/" + appId + "/health");
      assertEquals(4004, refused.code(), "another developer's app is not disclosed: " + refused);
      Resp notTheirs = other.get("/v1/user/" + owner.openId + "/app/" + appId + "/health");
      assertTrue(notTheirs.code() == 4001 || notTheirs.code() == 4003, "another developer's openId: " + notTheirs);
      assertEquals(1000, server.admin().get("/v1/user/" + server.admin().openId + "/app/" + appId + "/health").code(), "admins read any app");
      for (String bad : List.of("1d", "24H", "7", "week", "%20", "")) {
        Resp r = owner.get("/v1/user/" + owner.openId + "/app/" + appId + "/health?window=" + bad);
        assertEquals(400, r.status(), () -> bad + ": " + r);
        assertEquals(4000, r.code(), () -> bad + ": " + r);
        assertTrue(r.json().getString("msg").contains("24h, 7d or 30d"), r::toString);
      }
      JsonObject empty = health(owner, appId, "30d");
      assertEquals(0, empty.getJsonArray("versions").size(), "no versions yet");
    }
  }

  private static String moduleVersion(Api dev, String versions, String name, int code) {
    Resp r = dev.post(versions, new JsonObject().put("name", name).put("code", code).put("url", "https://dl.example.com/" + name + ".zip"));
    assertEquals(1000, r.code(), r::toString);
    String id = r.json().getJsonObject("version").getString("versionId");
    Resp released = dev.put(versions + "/" + id + "/action", new JsonObject().putNull("release"));
    assertEquals(1000, released.code(), released::toString);
    return id;
  }

  private static void check(Scene s, String moduleId, String machine, Integer code) {
    JsonObject body = new JsonObject().put("appId", s.appId).put("appKey", s.appKey).put("moduleId", moduleId).put("deviceId", machine);
    if (code != null) {
      body.put("versionCode", code);
    }
    Resp r = s.server.anonymous().post("/v1/app/module/upgrade", body);
    assertTrue(r.code() == 1000 || r.code() == 4004, r::toString);
  }

  private static String create(Api dev, String versions, String name, int code) {
    Resp r = dev.post(versions, new JsonObject().put("name", name).put("code", code)
        .put("url", "https://dl.example.com/app-" + name + ".zip").put("md5", "md5-of-" + name));
    assertEquals(1000, r.code(), r::toString);
    return r.json().getString("versionId");
  }

  /** A new version, released to everyone. */
  private static String released(Api dev, String versions, String name, int code) {
    String id = create(dev, versions, name, code);
    action(dev, versions, id, new JsonObject().putNull("release"));
    return id;
  }

  private static void action(Api dev, String versions, String versionId, JsonObject body) {
    Resp r = dev.post(versions + "/" + versionId + "/action", body);
    assertEquals(1000, r.code(), r::toString);
  }

  static JsonObject health(Api dev, String appId, String window) {
    Resp r = dev.get("/v1/user/" + dev.openId + "/app/" + appId + "/health" + (window == null ? "" : "?window=" + window));
    assertEquals(1000, r.code(), r::toString);
    return r.json();
  }

  private static JsonObject find(JsonObject answer, String versionId) {
    return answer.getJsonArray("versions").stream().map(o -> (JsonObject) o)
        .filter(v -> versionId.equals(v.getString("versionId"))).findFirst().orElseThrow();
  }
}

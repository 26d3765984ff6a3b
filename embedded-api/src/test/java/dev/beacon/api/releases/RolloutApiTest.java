package dev.beacon.api.releases;

import static dev.beacon.api.releases.ReleaseFixtures.app;
import static dev.beacon.api.releases.ReleaseFixtures.body;
import static dev.beacon.api.releases.ReleaseFixtures.version;
import static dev.beacon.api.releases.ReleaseFixtures.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Channels and staged rollouts through both client doors (family A's version check and family B's
 * upgrade): partial releases by machine bucket, halt (machines that have the version keep it, by
 * their request or their latest heartbeat), resume, complete, rollback, downgrade, and the
 * history of each change.
 */
class RolloutApiTest {
  private static TestServer server;

  /** Hundreds of client checks from one address: the client rate limits are off. */
  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(c -> c.clientRatePerIp(0).clientRatePerKey(0));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static Resp act(Api dev, String appId, String versionId, JsonObject body) {
    return dev.post(versions(dev, appId) + "/" + versionId + "/action", body);
  }

  private static JsonObject ok(Resp r) {
    assertEquals(1000, r.code(), r::toString);
    return r.json();
  }

  /** Family A's check; the offered version's name (its latest_version) and has_update. */
  private static JsonObject check(JsonObject app, String current, String machineId, String channel) {
    JsonObject req = new JsonObject().put("app_key", app.getString("appKey")).put("current_version", current).put("platform", "windows");
    if (machineId != null) {
      req.put("machine_id", machineId);
    }
    if (channel != null) {
      req.put("channel", channel);
    }
    Resp r = server.anonymous().post("/api/v1/version/check", req);
    assertEquals(200, r.status(), r::toString);
    return r.json().getJsonObject("data");
  }

  /** Family B's upgrade: the offered version's name, or null for 4004. */
  private static String upgrade(JsonObject app, String deviceId, String channel, Integer versionCode) {
    JsonObject req = new JsonObject().put("appId", app.getString("appId")).put("appKey", app.getString("appKey"));
    if (deviceId != null) {
      req.put("deviceId", deviceId);
    }
    if (channel != null) {
      req.put("channel", channel);
    }
    if (versionCode != null) {
      req.put("versionCode", versionCode);
    }
    Resp r = server.anonymous().post("/v1/app/upgrade", req);
    if (r.code() == 4004) {
      return null;
    }
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonObject("version").getString("versionName");
  }

  private static void heartbeat(JsonObject app, String machine, String version) {
    Resp r = server.anonymous().post("/api/v1/user/heartbeat",
        new JsonObject().put("app_key", app.getString("appKey")).put("machine_id", machine).put("version", version));
    assertEquals(200, r.status(), r::toString);
  }

  private static List<String> machines(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + "-" + i).toList();
  }

  @Test
  void aStagedRolloutThroughHaltResumeCompleteRollbackAndDowngrade() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Rollout");
    String appId = app.getString("appId");
    String v1 = version(dev, appId, body("1.0.0", 1));
    JsonObject seed = ok(act(dev, appId, v1, new JsonObject().putNull("release"))).getJsonObject("appVersion");
    assertEquals("released", seed.getString("state"), "the seed's release toggle releases to everyone");
    assertEquals(100, seed.getInteger("rollout"));
    assertEquals("stable", seed.getString("channel"));
    assertEquals(1, seed.getInteger("active"));

    String v2 = version(dev, appId, body("2.0.0", 2));
    JsonObject rolling = ok(act(dev, appId, v2, new JsonObject().put("release", new JsonObject().put("rollout", 50))))
        .getJsonObject("appVersion");
    assertEquals("rolling", rolling.getString("state"));
    assertEquals(50, rolling.getInteger("rollout"));
    assertEquals(1, rolling.getInteger("active"), "a rolling version is released");

    assertEquals("1.0.0", check(app, "0.9.0", null, null).getString("latest_version"), "no machine id: only versions at 100%");
    assertEquals("1.0.0", upgrade(app, null, null, null));

    List<String> inside = new ArrayList<>();
    List<String> outside = new ArrayList<>();
    for (String m : machines("m", 200)) {
      String offered = check(app, "1.0.0", m, null).getString("latest_version");
      (offered.equals("2.0.0") ? inside : outside).add(m);
      assertEquals(offered, upgrade(app, m, null, null), "both doors bucket " + m + " alike");
    }
    assertTrue(inside.size() >= 70 && inside.size() <= 130, "about half of 200 machines inside 50%: " + inside.size());
    assertFalse(check(app, "1.0.0", outside.get(0), null).getBoolean("has_update"), "outside: the newest fully released version");

    ok(act(dev, appId, v2, new JsonObject().put("rollout", 80)));
    long nowInside = machines("m", 200).stream().filter(m -> "2.0.0".equals(upgrade(app, m, null, null))).count();
    inside.forEach(m -> assertEquals("2.0.0", upgrade(app, m, null, null), "raising the percentage keeps " + m + " inside"));
    assertTrue(nowInside > inside.size(), "80% reaches more machines than 50%: " + nowInside);

    JsonObject halted = ok(act(dev, appId, v2, new JsonObject().putNull("halt").put("comment", "crash spike")))
        .getJsonObject("appVersion");
    assertEquals("halted", halted.getString("state"));
    assertEquals(80, halted.getInteger("rollout"));
    String in = inside.get(0);
    assertEquals("1.0.0", upgrade(app, in, null, null), "halted: not offered to a machine that does not have it");
    assertEquals("1.0.0", check(app, "1.0.0", in, null).getString("latest_version"));
    assertEquals("2.0.0", upgrade(app, in, null, 2), "a machine whose request says it has 2.0.0 keeps it");
    JsonObject keeps = check(app, "2.0.0", in, null);
    assertEquals("2.0.0", keeps.getString("latest_version"));
    assertFalse(keeps.getBoolean("has_update"));
    heartbeat(app, in, "2.0.0");
    assertEquals("2.0.0", upgrade(app, in, null, null), "a machine whose latest heartbeat says 2.0.0 keeps it");
    assertEquals("1.0.0", upgrade(app, inside.get(1), null, null));

    assertEquals(4007, act(dev, appId, v2, new JsonObject().putNull("halt")).code(), "halting twice");
    ok(act(dev, appId, v2, new JsonObject().putNull("resume")));
    assertEquals("2.0.0", upgrade(app, inside.get(1), null, null), "resumed at its percentage");
    assertEquals("1.0.0", upgrade(app, null, null, null));

    JsonObject complete = ok(act(dev, appId, v2, new JsonObject().putNull("complete"))).getJsonObject("appVersion");
    assertEquals("released", complete.getString("state"));
    assertEquals(100, complete.getInteger("rollout"));
    assertEquals("2.0.0", upgrade(app, null, null, null), "complete: every machine");
    assertEquals("2.0.0", check(app, "1.0.0", outside.get(0), null).getString("latest_version"));

    JsonObject rolledBack = ok(act(dev, appId, v2, new JsonObject().putNull("rollback"))).getJsonObject("appVersion");
    assertEquals("disabled", rolledBack.getString("state"));
    assertEquals(2, rolledBack.getInteger("active"));
    assertEquals("1.0.0", upgrade(app, null, null, null), "rolled back: the previous release is the offer again");
    assertFalse(check(app, "2.0.0", in, null).getBoolean("has_update"), "without downgrade, machines on 2.0.0 stay");

    JsonObject downgrade = ok(act(dev, appId, v1, new JsonObject().put("release",
        new JsonObject().put("rollout", 100).put("downgrade", true)))).getJsonObject("appVersion");
    assertTrue(downgrade.getBoolean("downgrade"));
    JsonObject pulled = check(app, "2.0.0", in, null);
    assertTrue(pulled.getBoolean("has_update"), "a downgrade is offered to machines on a newer version: " + pulled);
    assertEquals("1.0.0", pulled.getString("latest_version"));
    Resp up = server.anonymous().post("/v1/app/upgrade", new JsonObject().put("appId", appId).put("appKey", app.getString("appKey")));
    assertTrue(up.json().getJsonObject("version").getBoolean("downgrade"), up::toString);

    JsonArray history = ok(dev.get(versions(dev, appId) + "/" + v2 + "/history")).getJsonArray("history");
    List<String> actions = history.stream().map(o -> ((JsonObject) o).getString("action")).toList();
    assertEquals(List.of("release", "rollout", "halt", "resume", "complete", "rollback"), actions);
    JsonObject halt = history.getJsonObject(2);
    assertEquals("rolling", halt.getString("fromState"));
    assertEquals("halted", halt.getString("toState"));
    assertEquals(80, halt.getInteger("fromRollout"));
    assertEquals("crash spike", halt.getString("comment"));
    assertEquals(dev.openId, halt.getString("openId"));
    assertEquals(50, history.getJsonObject(1).getInteger("fromRollout"));
    assertEquals(80, history.getJsonObject(1).getInteger("toRollout"));
    JsonObject detail = ok(dev.get(versions(dev, appId) + "/" + v2)).getJsonObject("appVersion");
    assertEquals(history, detail.getJsonArray("history"), "version answers carry the history");
    assertEquals(2, ok(dev.get(versions(dev, appId) + "/" + v1 + "/history")).getJsonArray("history").size());
  }

  @Test
  void aClientGetsTheNewestVersionOnItsChannelOrStable() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Channels");
    String appId = app.getString("appId");
    ReleaseFixtures.released(dev, appId, body("1.0.0", 1));
    String beta = version(dev, appId, body("1.1.0-beta.1", 2).put("channel", "Beta ").put("forceUpdate", true));
    ReleaseFixtures.release(dev, appId, beta);
    JsonObject v = ok(dev.get(versions(dev, appId) + "/" + beta)).getJsonObject("appVersion");
    assertEquals("beta", v.getString("channel"), "channel names are trimmed and lower case");

    assertEquals("1.0.0", check(app, "0.9.0", "m1", null).getString("latest_version"), "absent channel: stable");
    JsonObject onBeta = check(app, "1.0.0", "m1", "beta");
    assertEquals("1.1.0-beta.1", onBeta.getString("latest_version"));
    assertTrue(onBeta.getBoolean("force_update"), "force keeps its meaning on a channel");
    assertEquals("1.0.0", upgrade(app, "m1", "stable", null));
    assertEquals("1.1.0-beta.1", upgrade(app, "m1", "beta", null));
    assertEquals("1.0.0", upgrade(app, "m1", "nightly", null), "an unknown channel still gets stable");

    ReleaseFixtures.released(dev, appId, body("1.2.0", 3));
    assertEquals("1.2.0", check(app, "1.0.0", "m1", "beta").getString("latest_version"), "a newer stable wins over an older beta");
    assertEquals(4000, server.anonymous().post("/v1/app/upgrade", new JsonObject().put("appId", appId)
        .put("appKey", app.getString("appKey")).put("channel", "no spaces please")).code());
  }

  @Test
  void actionsTheStateDoesNotAllowAreRefused() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Refusals");
    String appId = app.getString("appId");
    String draft = version(dev, appId, body("1.0.0", 1));
    assertEquals("draft", ok(dev.get(versions(dev, appId) + "/" + draft)).getJsonObject("appVersion").getString("state"));
    for (String a : new String[] {"halt", "resume", "complete", "rollback"}) {
      Resp r = act(dev, appId, draft, new JsonObject().putNull(a));
      assertEquals(409, r.status(), a + ": " + r);
      assertEquals(4007, r.code());
    }
    assertEquals(4007, act(dev, appId, draft, new JsonObject().put("rollout", 10)).code(), "rollout before release");
    assertEquals(4000, act(dev, appId, draft, new JsonObject().put("release", new JsonObject().put("rollout", 0))).code());
    assertEquals(4000, act(dev, appId, draft, new JsonObject().put("release", new JsonObject().put("rollout", 101))).code());
    assertEquals(4000, act(dev, appId, draft, new JsonObject().putNull("release").putNull("halt")).code());
    assertEquals(4000, act(dev, appId, draft, new JsonObject().put("halt", 1)).code());
    assertEquals(4000, act(dev, appId, draft, new JsonObject().put("rollout", "half")).code());
    String noMd5 = version(dev, appId, body("1.0.1", 2));
    dev.put(versions(dev, appId) + "/" + noMd5, new JsonObject().putNull("md5"));
    Resp r = act(dev, appId, noMd5, new JsonObject().put("release", new JsonObject().put("rollout", 10)));
    assertEquals(4007, r.code(), "app versions keep requiring an md5: " + r);
    assertEquals(0, ok(dev.get(versions(dev, appId) + "/" + draft + "/history")).getJsonArray("history").size(),
        "refused actions leave no history");
    assertNull(ok(dev.get(versions(dev, appId) + "/" + draft)).getJsonObject("appVersion").getString("releaseDate"));
  }
}

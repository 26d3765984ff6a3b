package dev.beacon.api.modules;

import static dev.beacon.api.modules.ModuleFixtures.action;
import static dev.beacon.api.modules.ModuleFixtures.app;
import static dev.beacon.api.modules.ModuleFixtures.body;
import static dev.beacon.api.modules.ModuleFixtures.module;
import static dev.beacon.api.modules.ModuleFixtures.modules;
import static dev.beacon.api.modules.ModuleFixtures.released;
import static dev.beacon.api.modules.ModuleFixtures.version;
import static dev.beacon.api.support.ApiAsserts.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Family B's {@code POST /v1/app/module/upgrade}: what a client is offered for a module, and when it is refused. */
class ModuleUpgradeApiTest extends ServerTest {

  /** A fresh developer's app with one module. */
  private record Hosted(Api dev, JsonObject app, String moduleId) {
    String appId() {
      return app.getString("appId");
    }

    /** Creates and releases a version of the module; returns its id. */
    String release(JsonObject body) {
      return released(dev, appId(), moduleId, body);
    }
  }

  private static Hosted hosted(String appName, String moduleName) {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, appName);
    return new Hosted(dev, app, module(dev, app.getString("appId"), moduleName));
  }

  private static Resp upgrade(JsonObject app, String moduleId, String deviceId) {
    JsonObject req = new JsonObject().put("appId", app.getString("appId")).put("appKey", app.getString("appKey")).put("moduleId", moduleId);
    if (deviceId != null) {
      req.put("deviceId", deviceId);
    }
    return server.anonymous().post("/v1/app/module/upgrade", req);
  }

  private static String offered(JsonObject app, String moduleId, String deviceId) {
    Resp r = upgrade(app, moduleId, deviceId);
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonObject("module").getString("versionName");
  }

  @Test
  void answersTheNewestReleasedVersionAsTheSeedShowsIt() {
    Hosted h = hosted("Touchc", "calendar");
    String appId = h.appId();
    String moduleId = h.moduleId();
    h.release(body("calendar_0.9", 1));
    h.release(body("calendar_1.0", 2).put("desc", "该模块解决了xxBug").put("deviceIds", "a6d8jd7d9;asd2133"));
    version(h.dev(), appId, moduleId, body("calendar_2.0-draft", 3));

    Resp r = server.anonymous().raw("POST", "/v1/app/module/upgrade",
        "{\"appId \":\"" + appId + "\",\"appKey \":\"" + h.app().getString("appKey") + "\",\"moduleId \":\"" + moduleId + "\"}",
        "application/json");
    assertEquals(200, r.status(), r::toString);
    JsonObject m = r.json().getJsonObject("module");
    assertEquals("calendar", m.getString("moduleName"));
    assertEquals("calendar_1.0", m.getString("versionName"), "the unreleased code 3 is not offered");
    assertEquals(2, m.getInteger("versionCode"));
    assertEquals("md5-of-calendar_1.0", m.getString("md5"));
    assertEquals("https://dl.example.com/calendar_1.0.zip", m.getString("url"));
    assertEquals("该模块解决了xxBug", m.getString("desc"));
    assertTrue(m.getString("updateTime").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), m.getString("updateTime"));
    assertEquals("a6d8jd7d9;asd2133", m.getJsonObject("strategy").getString("deviceIds"),
        "without a deviceId the strategy is returned for the client to apply");
  }

  @Test
  void deviceIdsTargetVersions() {
    Hosted h = hosted("Targeted", "pay");
    JsonObject app = h.app();
    String moduleId = h.moduleId();
    h.release(body("pay_1", 1));
    h.release(body("pay_2-beta", 2).put("deviceIds", "tester-1;tester-2"));

    assertEquals("pay_2-beta", offered(app, moduleId, "tester-2"));
    assertEquals("pay_1", offered(app, moduleId, "someone-else"), "a device not listed gets the newest untargeted version");
    assertEquals("pay_2-beta", offered(app, moduleId, null));

    String onlyTargeted = module(h.dev(), h.appId(), "lab");
    released(h.dev(), h.appId(), onlyTargeted, body("lab_1", 1).put("deviceIds", "tester-1"));
    assertError(upgrade(app, onlyTargeted, "someone-else"), 404, 4004, "for device someone-else");
  }

  @Test
  void nothingReleasedIsNotFoundAndDisablingWithdrawsTheOffer() {
    Hosted h = hosted("Quiet", "calendar");
    JsonObject app = h.app();
    String moduleId = h.moduleId();
    assertError(upgrade(app, moduleId, null), 404, 4004, "no released version");
    String v1 = h.release(body("calendar_1", 1));
    String v2 = h.release(body("calendar_2", 2));
    assertEquals("calendar_2", offered(app, moduleId, null));
    action(h.dev(), h.appId(), moduleId, v2, "disable");
    assertEquals("calendar_1", offered(app, moduleId, null));
    action(h.dev(), h.appId(), moduleId, v1, "disable");
    assertError(upgrade(app, moduleId, null), 404, 4004, "no released version");
  }

  @Test
  void deletingTheModuleStopsItsUpgradesAtOnce() {
    Hosted h = hosted("Deleter", "calendar");
    h.release(body("calendar_1", 1));
    assertEquals("calendar_1", offered(h.app(), h.moduleId(), null));
    assertEquals(1000, h.dev().delete(modules(h.dev(), h.appId()) + "/" + h.moduleId()).code());
    assertError(upgrade(h.app(), h.moduleId(), null), 404, 4004, "no module " + h.moduleId());
  }

  @Test
  void aModuleOfAnotherAppIsNotFound() {
    Hosted other = hosted("Other", "calendar");
    other.release(body("calendar_1", 1));
    JsonObject mine = app(other.dev(), "Mine");
    assertError(upgrade(mine, other.moduleId(), null), 404, 4004, "no module " + other.moduleId());
    assertEquals("calendar_1", offered(other.app(), other.moduleId(), null));
  }

  @Test
  void badKeysFrozenAppsAndBadRequestsAreRefused() {
    Hosted h = hosted("Refused", "calendar");
    JsonObject app = h.app();
    String appId = h.appId();
    String moduleId = h.moduleId();
    h.release(body("calendar_1", 1));

    assertError(upgrade(app.copy().put("appKey", "wrong"), moduleId, null), 401, 4001, "appKey");
    assertError(upgrade(app.copy().put("appId", "nope"), moduleId, null), 404, 4004, "nope");
    assertError(server.anonymous().post("/v1/app/module/upgrade",
        new JsonObject().put("appId", appId).put("appKey", app.getString("appKey"))), 400, 4000, "moduleId");
    assertError(server.anonymous().post("/v1/app/module/upgrade",
        new JsonObject().put("appId", appId).put("moduleId", moduleId)), 400, 4000, "appKey");
    assertError(server.anonymous().raw("POST", "/v1/app/module/upgrade", "{\"appId\":", "application/json"), 400, 4000, "malformed JSON");

    Resp frozen = server.admin().post("/v1/admin/app/" + appId + "/action", new JsonObject().putNull("freeze"));
    assertEquals(1000, frozen.code(), frozen::toString);
    assertError(upgrade(app, moduleId, null), 403, 4003, "frozen");
    server.admin().post("/v1/admin/app/" + appId + "/action", new JsonObject().putNull("unfreeze"));
    assertEquals("calendar_1", offered(app, moduleId, null));
  }
}

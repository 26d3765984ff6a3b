package dev.beacon.api.modules;

import static dev.beacon.api.modules.ModuleFixtures.app;
import static dev.beacon.api.modules.ModuleFixtures.module;
import static dev.beacon.api.modules.ModuleFixtures.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Module versions: the seed's own sample bodies (no md5) released and offered with {@code md5:
 * null}, and the staged-rollout actions on the module door.
 */
class ModuleRolloutApiTest extends ServerTest {
  /** The module-version create sample of the Topmobi document, byte for byte. */
  static final String SEED_CREATE = """
      {
          "name": "calendar_1.0",
          "code": 1,
          "desc": "应用模块版本描述",
          "url": "http://qiniufile/abc/calendar_1.0.zip",
          "deviceIds": "112we3asd1;sdfs233ddf;ad123"
      }""";
  /** The module-version edit sample of the Topmobi document. */
  static final String SEED_EDIT = """
      {
          "name": "calendar_4.0",
          "code": 4,
          "desc": "应用模块版本描述修改",
          "url": "http://qiniufile/abc/calendar_1.0.zip",
          "deviceIds": "112we31;233ddf;ad123"
      }""";

  private static Resp upgrade(JsonObject app, String moduleId, String deviceId, Integer versionCode) {
    JsonObject req = new JsonObject().put("appId", app.getString("appId")).put("appKey", app.getString("appKey"))
        .put("moduleId", moduleId).put("deviceId", deviceId);
    if (versionCode != null) {
      req.put("versionCode", versionCode);
    }
    return server.anonymous().post("/v1/app/module/upgrade", req);
  }

  @Test
  void theSeedsSampleBodiesAreReleasedWithoutMd5AndOfferedWithMd5Null() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Calendar app");
    String moduleId = module(dev, app.getString("appId"), "calendar");
    String base = versions(dev, app.getString("appId"), moduleId);
    Resp created = dev.raw("POST", base, SEED_CREATE, "application/json");
    assertEquals(1000, created.code(), created::toString);
    String id = created.json().getString("versionId");
    Resp edited = dev.raw("PUT", base + "/" + id, SEED_EDIT, "application/json");
    assertEquals(1000, edited.code(), edited::toString);
    Resp released = dev.raw("PUT", base + "/" + id + "/action", "{\"release\":null}", "application/json");
    assertEquals(1000, released.code(), "a module version without md5 is released: " + released);
    JsonObject v = released.json().getJsonObject("version");
    assertEquals("released", v.getString("state"));
    assertEquals(1, v.getInteger("active"));

    Resp offer = upgrade(app, moduleId, "112we31", null);
    assertEquals(1000, offer.code(), offer::toString);
    JsonObject m = offer.json().getJsonObject("module");
    assertTrue(m.containsKey("md5"), "the answer carries md5");
    assertEquals(null, m.getValue("md5"));
    assertEquals("calendar_4.0", m.getString("versionName"));
    assertEquals(4, m.getInteger("versionCode"));
  }

  @Test
  void aHaltedModuleVersionStaysOnlyWithDevicesThatSayTheyHaveIt() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Halted module");
    String appId = app.getString("appId");
    String moduleId = module(dev, appId, "maps");
    String base = versions(dev, appId, moduleId);
    ModuleFixtures.released(dev, appId, moduleId, ModuleFixtures.body("maps_1", 1));
    String v2 = ModuleFixtures.version(dev, appId, moduleId, ModuleFixtures.body("maps_2", 2).put("channel", "beta"));
    Resp r = dev.post(base + "/" + v2 + "/action", new JsonObject().put("release", new JsonObject().put("rollout", 100)));
    assertEquals(1000, r.code(), r::toString);
    assertEquals("maps_1", upgrade(app, moduleId, "d1", null).json().getJsonObject("module").getString("versionName"),
        "a beta module version is not offered on stable");
    JsonObject beta = upgrade(app, moduleId, "d1", null).json();
    Resp onBeta = server.anonymous().post("/v1/app/module/upgrade", new JsonObject().put("appId", appId)
        .put("appKey", app.getString("appKey")).put("moduleId", moduleId).put("channel", "beta"));
    assertEquals("maps_2", onBeta.json().getJsonObject("module").getString("versionName"), beta::toString);

    assertEquals(1000, dev.put(base + "/" + v2 + "/action", new JsonObject().putNull("halt")).code());
    Resp halted = server.anonymous().post("/v1/app/module/upgrade", new JsonObject().put("appId", appId)
        .put("appKey", app.getString("appKey")).put("moduleId", moduleId).put("channel", "beta").put("versionCode", 2));
    assertEquals("maps_2", halted.json().getJsonObject("module").getString("versionName"), "a device on it keeps it");
    Resp others = server.anonymous().post("/v1/app/module/upgrade", new JsonObject().put("appId", appId)
        .put("appKey", app.getString("appKey")).put("moduleId", moduleId).put("channel", "beta").put("versionCode", 1));
    assertEquals("maps_1", others.json().getJsonObject("module").getString("versionName"), "the others are not offered it");

    Resp history = dev.get(base + "/" + v2 + "/history");
    assertEquals(List.of("release", "halt"), history.json().getJsonArray("history").stream()
        .map(o -> ((JsonObject) o).getString("action")).toList());
  }
}

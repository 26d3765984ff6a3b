package dev.beacon.api.modules;

import static dev.beacon.api.modules.ModuleFixtures.action;
import static dev.beacon.api.modules.ModuleFixtures.app;
import static dev.beacon.api.modules.ModuleFixtures.body;
import static dev.beacon.api.modules.ModuleFixtures.module;
import static dev.beacon.api.modules.ModuleFixtures.version;
import static dev.beacon.api.modules.ModuleFixtures.versions;
import static dev.beacon.api.support.ApiAsserts.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A module's versions: create, edit, delete, detail, list, release and disable. */
class ModuleVersionsApiTest extends ServerTest {

  /** A developer with an app and a module: {dev, appId, moduleId}. */
  private record Setup(Api dev, String appId, String moduleId) {
    String versions() {
      return ModuleFixtures.versions(dev, appId, moduleId);
    }

    JsonObject detail(String versionId) {
      Resp r = dev.get(versions() + "/" + versionId);
      assertEquals(1000, r.code(), r::toString);
      return r.json().getJsonObject("version");
    }
  }

  private static Setup setup() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Host").getString("appId");
    return new Setup(dev, appId, module(dev, appId, "calendar"));
  }

  private static List<String> names(Resp list) {
    return list.json().getJsonArray("version").stream().map(o -> ((JsonObject) o).getString("name")).collect(Collectors.toList());
  }

  @Test
  void createAnswersAsTheSeedAndDetailShowsEveryField() {
    Setup s = setup();
    Resp r = s.dev().post(s.versions(), new JsonObject()
        .put("name", "calendar_1.0").put("code", 1).put("desc", "应用模块版本描述")
        .put("url", "http://qiniufile/abc/calendar_1.0.zip").put("deviceIds", "112we3asd1;sdfs233ddf;ad123"));
    assertEquals(200, r.status(), r::toString);
    JsonObject v = r.json().getJsonObject("version");
    String id = v.getString("versionId");
    assertEquals(32, id.length());
    assertEquals("calendar_1.0", v.getString("name"));
    assertEquals(1, v.getInteger("code"));
    assertEquals("应用模块版本描述", v.getString("desc"));
    assertEquals("http://qiniufile/abc/calendar_1.0.zip", v.getString("url"));
    assertEquals("112we3asd1;sdfs233ddf;ad123", v.getString("deviceIds"));

    JsonObject d = s.detail(id);
    assertEquals(id, d.getString("versionId"));
    assertEquals(s.moduleId(), d.getString("moduleId"));
    assertNull(d.getString("md5"), "the seed's create has no md5: it may come later");
    assertEquals(0, d.getInteger("active"), "0: not released");
    assertNotNull(d.getString("createDate"));
    assertNull(d.getString("releaseDate"));
  }

  @Test
  void createValidatesItsFields() {
    Setup s = setup();
    for (String field : List.of("name", "code", "url")) {
      JsonObject b = body("x", 1);
      b.remove(field);
      assertError(s.dev().post(s.versions(), b), 400, 4000, field);
    }
    assertError(s.dev().post(s.versions(), body("x", 1).put("code", "one")), 400, 4000, "code");
    assertError(s.dev().post(s.versions(), body("x", 1).put("code", -2)), 400, 4000, "code");
    assertError(s.dev().post(s.versions(), body("x", 1).put("deviceIds", 5)), 400, 4000, "deviceIds");
    assertError(s.dev().post(s.versions(), body("x", 1).put("url", "u".repeat(2001))), 400, 4000, "url");
    assertError(s.dev().raw("POST", s.versions(), "{\"name\":\"x\",", "application/json"), 400, 4000, "malformed JSON");
    assertError(s.dev().post(s.versions(), body("x", 1).put("fileId", "f").put("filename", "g")), 400, 4000, "fileId or filename");
    assertEquals(0, s.dev().get(s.versions()).json().getInteger("totalCount"));
  }

  @Test
  void codesAreUniqueWithinAModule() {
    Setup s = setup();
    version(s.dev(), s.appId(), s.moduleId(), body("calendar_1.0", 1));
    assertError(s.dev().post(s.versions(), body("calendar_1.0b", 1)), 409, 4007, "already has a version with code 1");
    String second = version(s.dev(), s.appId(), s.moduleId(), body("calendar_2.0", 2));
    assertError(s.dev().put(s.versions() + "/" + second, new JsonObject().put("code", 1)), 409, 4007, "unique within a module");
    Resp same = s.dev().put(s.versions() + "/" + second, new JsonObject().put("code", 2).put("name", "calendar_2.0.1"));
    assertEquals(1000, same.code(), "keeping its own code is fine: " + same);
    // another module of the same app may reuse the code
    String other = module(s.dev(), s.appId(), "weather");
    version(s.dev(), s.appId(), other, body("weather_1.0", 1));
  }

  @Test
  void editChangesOnlyWhatIsSentAndClearsWhatIsSentEmpty() {
    Setup s = setup();
    String id = version(s.dev(), s.appId(), s.moduleId(), body("calendar_1.0", 1).put("desc", "old").put("deviceIds", "a;b"));
    Resp r = s.dev().put(s.versions() + "/" + id, new JsonObject()
        .put("name", "calendar_4.0").put("code", 4).put("desc", "应用模块版本描述修改").put("deviceIds", "112we31;233ddf;ad123"));
    assertEquals(1000, r.code(), r::toString);
    JsonObject v = s.detail(id);
    assertEquals("calendar_4.0", v.getString("name"));
    assertEquals(4, v.getInteger("code"));
    assertEquals("应用模块版本描述修改", v.getString("desc"));
    assertEquals("112we31;233ddf;ad123", v.getString("deviceIds"));
    assertEquals("https://dl.example.com/calendar_1.0.zip", v.getString("url"), "not sent, kept");
    assertEquals("md5-of-calendar_1.0", v.getString("md5"));

    s.dev().put(s.versions() + "/" + id, new JsonObject().putNull("deviceIds").put("desc", ""));
    assertNull(s.detail(id).getString("deviceIds"));
    assertNull(s.detail(id).getString("desc"));
    assertError(s.dev().put(s.versions() + "/" + id, new JsonObject().put("name", " ")), 400, 4000, "name");
  }

  @Test
  void listPagesAndOrdersByCodeByDefault() {
    Setup s = setup();
    version(s.dev(), s.appId(), s.moduleId(), body("b-two", 2));
    version(s.dev(), s.appId(), s.moduleId(), body("c-twelve", 12));
    version(s.dev(), s.appId(), s.moduleId(), body("a-one", 1));
    Resp all = s.dev().get(s.versions());
    assertEquals(3, all.json().getInteger("totalCount"));
    assertEquals(List.of("c-twelve", "b-two", "a-one"), names(all), "default code:desc");
    assertEquals(0, all.json().getJsonArray("version").getJsonObject(0).getInteger("active"));
    assertEquals(List.of("a-one", "b-two", "c-twelve"), names(s.dev().get(s.versions() + "?orderBy=name:asc")));
    assertEquals(List.of("a-one", "b-two", "c-twelve"), names(s.dev().get(s.versions() + "?orderBy=create_date:desc&pageSize=3")).stream().sorted().toList());
    Resp page = s.dev().get(s.versions() + "?pageNo=2&pageSize=2&orderBy=code:asc");
    assertEquals(List.of("c-twelve"), names(page));
    assertEquals(3, page.json().getInteger("totalCount"));
    assertError(s.dev().get(s.versions() + "?orderBy=md5:asc"), 400, 4000, "orderBy");
  }

  @Test
  void releaseNeedsAUrlButNoMd5AndDisableTakesItBack() {
    Setup s = setup();
    String id = version(s.dev(), s.appId(), s.moduleId(), body("calendar_1.0", 1).put("md5", null));
    String action = s.versions() + "/" + id + "/action";
    Resp released = s.dev().raw("PUT", action, "{\"release\":null}", "application/json");
    assertEquals(1000, released.code(), "the seed's module bodies carry no md5: such a version is released: " + released);
    JsonObject v = s.detail(id);
    assertEquals(1, v.getInteger("active"));
    assertNull(v.getString("md5"));
    assertNotNull(v.getString("releaseDate"));
    assertError(s.dev().put(s.versions() + "/" + id, new JsonObject().put("url", "")), 409, 4007, "disable it before");

    Resp disabled = s.dev().raw("POST", action, "{\"disable \":null}", "application/json");
    assertEquals(1000, disabled.code(), "POST is accepted too, and the key is trimmed: " + disabled);
    assertEquals(0, s.detail(id).getInteger("active"));
    assertNull(s.detail(id).getString("releaseDate"));

    assertError(s.dev().put(action, new JsonObject().put("publish", 1)), 400, 4000, "release");
    assertError(s.dev().put(action, new JsonObject().putNull("release").putNull("disable")), 400, 4000, "release");
    assertError(s.dev().put(s.versions() + "/nope/action", new JsonObject().putNull("release")), 404, 4004, "nope");
  }

  @Test
  void deleteRemovesOneVersion() {
    Setup s = setup();
    String a = version(s.dev(), s.appId(), s.moduleId(), body("a", 1));
    String b = version(s.dev(), s.appId(), s.moduleId(), body("b", 2));
    Resp r = s.dev().delete(s.versions() + "/" + a);
    assertEquals(1000, r.code(), r::toString);
    assertError(s.dev().get(s.versions() + "/" + a), 404, 4004, a);
    assertEquals(new JsonArray().add(b), new JsonArray(s.dev().get(s.versions()).json().getJsonArray("version")
        .stream().map(o -> ((JsonObject) o).getString("versionId")).toList()));
    assertError(s.dev().delete(s.versions() + "/" + a), 404, 4004, a);
  }

  @Test
  void versionsOfOtherModulesAppsAndDevelopersAreNotFound() {
    Setup s = setup();
    String id = version(s.dev(), s.appId(), s.moduleId(), body("a", 1));
    String otherModule = module(s.dev(), s.appId(), "weather");
    assertError(s.dev().get(versions(s.dev(), s.appId(), otherModule) + "/" + id), 404, 4004, id);
    assertError(s.dev().get(versions(s.dev(), s.appId(), "nope")), 404, 4004, "no module nope");
    String otherApp = app(s.dev(), "Other").getString("appId");
    assertError(s.dev().get(versions(s.dev(), otherApp, s.moduleId())), 404, 4004, "no module");

    Api other = server.newDeveloper();
    assertError(other.get(versions(other, s.appId(), s.moduleId()) + "/" + id), 404, 4004, s.appId());
    assertError(other.post(versions(other, s.appId(), s.moduleId()), body("x", 9)), 404, 4004, s.appId());
    assertError(other.put(versions(other, s.appId(), s.moduleId()) + "/" + id + "/action", new JsonObject().putNull("release")),
        404, 4004, s.appId());
    assertEquals(0, s.detail(id).getInteger("active"));
  }
}

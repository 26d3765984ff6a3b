package dev.beacon.api.releases;

import static dev.beacon.api.releases.ReleaseFixtures.app;
import static dev.beacon.api.releases.ReleaseFixtures.body;
import static dev.beacon.api.releases.ReleaseFixtures.version;
import static dev.beacon.api.releases.ReleaseFixtures.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A developer's app versions: create, edit, delete, detail, list, release and disable. */
class ReleasesApiTest extends ServerTest {

  private static void assertBad(Resp r, String field) {
    assertEquals(400, r.status(), r::toString);
    assertEquals(4000, r.code(), r::toString);
    assertTrue(r.msg().contains(field), () -> "the message should name " + field + ": " + r.msg());
  }

  private static void assertRule(Resp r, String words) {
    assertEquals(409, r.status(), r::toString);
    assertEquals(4007, r.code(), r::toString);
    assertTrue(r.msg().contains(words), () -> "the message should say " + words + ": " + r.msg());
  }

  private static JsonObject detail(Api dev, String appId, String versionId) {
    Resp r = dev.get(versions(dev, appId) + "/" + versionId);
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonObject("appVersion");
  }

  private static List<String> names(Resp list) {
    return list.json().getJsonArray("version").stream().map(o -> ((JsonObject) o).getString("name")).collect(Collectors.toList());
  }

  @Test
  void createAndDetailShowEveryField() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Calendar").getString("appId");
    Resp created = dev.post(versions(dev, appId), new JsonObject()
        .put("name ", "calendar_1.0").put("code", 3).put("md5", "mdjhsbvgstqreosplgksjd6d5sdfs")
        .put("desc", "first").put("url", "http://qiniufile/abc/calendar_1.0.zip").put("deviceIds", "112we31; 233ddf;;ad123"));
    assertEquals(200, created.status(), created::toString);
    String id = created.json().getString("versionId");
    assertEquals(32, id.length());

    JsonObject v = detail(dev, appId, id);
    assertEquals(id, v.getString("appVersionId"));
    assertEquals(id, v.getString("versionId"));
    assertEquals("calendar_1.0", v.getString("name"));
    assertEquals(3, v.getInteger("code"));
    assertEquals("http://qiniufile/abc/calendar_1.0.zip", v.getString("url"));
    assertEquals("mdjhsbvgstqreosplgksjd6d5sdfs", v.getString("md5"));
    assertEquals("first", v.getString("desc"));
    assertEquals("112we31;233ddf;ad123", v.getString("deviceIds"), "ids trimmed, empties dropped");
    assertEquals(2, v.getInteger("active"), "a new version is not released");
    assertFalse(v.getBoolean("forceUpdate"));
    assertNull(v.getValue("platforms"), "no platforms: every platform");
    assertNotNull(v.getString("createDate"));
    assertNotNull(v.getString("updateDate"));
    assertNull(v.getString("releaseDate"));

    String viaPlural = dev.get("/v1/user/" + dev.openId + "/app/" + appId + "/versions/" + id).json().getJsonObject("appVersion").getString("name");
    assertEquals("calendar_1.0", viaPlural, "the seed's curl spelling");
  }

  @Test
  void createTakesPlatformsAndForceUpdateExtras() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Desk").getString("appId");
    String a = version(dev, appId, body("1.0.0", 1).put("platforms", "Windows, linux,windows").put("forceUpdate", true));
    JsonObject va = detail(dev, appId, a);
    assertEquals(new JsonArray().add("windows").add("linux"), va.getJsonArray("platforms"), "lower case, no duplicates");
    assertTrue(va.getBoolean("forceUpdate"));
    String b = version(dev, appId, body("1.0.1", 2).put("platforms", new JsonArray().add("darwin")).put("deviceIds", new JsonArray().add("m1").add("m2")));
    JsonObject vb = detail(dev, appId, b);
    assertEquals(new JsonArray().add("darwin"), vb.getJsonArray("platforms"));
    assertEquals("m1;m2", vb.getString("deviceIds"));
    String c = version(dev, appId, body("1.0.2", 4).put("platforms", " "));
    assertNull(detail(dev, appId, c).getValue("platforms"));
  }

  @Test
  void createValidatesItsFields() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Strict").getString("appId");
    String path = versions(dev, appId);
    for (String field : List.of("name", "code", "url", "md5")) {
      JsonObject b = body("1.0", 1);
      b.remove(field);
      assertBad(dev.post(path, b), field);
    }
    assertBad(dev.post(path, body("1.0", 1).put("url", "  ")), "url");
    assertBad(dev.post(path, body("1.0", 1).put("code", "three")), "code");
    assertBad(dev.post(path, body("1.0", 1).put("code", 1.5)), "code");
    assertBad(dev.post(path, body("1.0", 1).put("code", -1)), "code");
    assertBad(dev.post(path, body("1.0", 1).put("forceUpdate", "maybe")), "forceUpdate");
    assertBad(dev.post(path, body("1.0", 1).put("platforms", 5)), "platforms");
    assertBad(dev.post(path, body("1.0", 1).put("platforms", new JsonArray().add(1))), "platforms");
    assertBad(dev.post(path, body("1.0", 1).put("platforms", "windows,<script>")), "platforms");
    assertBad(dev.post(path, body("1.0", 1).put("deviceIds", new JsonObject())), "deviceIds");
    assertBad(dev.post(path, body("1.0", 1).put("md5", "x".repeat(65))), "md5");
    Resp malformed = dev.raw("POST", path, "{\"name\":\"1.0\",\"code\":", "application/json");
    assertEquals(4000, malformed.code(), malformed::toString);
    assertEquals(4000, dev.raw("POST", path, "[1,2]", "application/json").code());
    assertEquals(0, dev.get(path).json().getLong("totalCount"), "nothing was stored");
  }

  @Test
  void duplicateCodeWithinAnAppIsABusinessRule() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Dupes").getString("appId");
    version(dev, appId, body("1.0", 7));
    assertRule(dev.post(versions(dev, appId), body("1.0-again", 7)), "code 7");
    String otherApp = app(dev, "Other").getString("appId");
    version(dev, otherApp, body("1.0", 7));
    String second = version(dev, appId, body("2.0", 8));
    assertRule(dev.put(versions(dev, appId) + "/" + second, new JsonObject().put("code", 7)), "code 7");
    Resp sameCode = dev.put(versions(dev, appId) + "/" + second, new JsonObject().put("code", 8).put("name", "2.0.0"));
    assertEquals(1000, sameCode.code(), "keeping its own code is fine: " + sameCode);
    assertEquals(2, dev.get(versions(dev, appId)).json().getLong("totalCount"));
  }

  @Test
  void versionsBelongToTheCallersApp() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Owned").getString("appId");
    String id = version(dev, appId, body("1.0", 1));
    Api other = server.newDeveloper();
    String othersApp = app(other, "Theirs").getString("appId");

    assertEquals(4004, other.get(versions(other, appId) + "/" + id).code(), "another developer's app");
    assertEquals(4004, other.post(versions(other, appId), body("9.9", 9)).code());
    assertEquals(4004, other.get(versions(other, appId)).code());
    assertEquals(4004, other.delete(versions(other, appId) + "/" + id).code());
    Resp foreignPath = other.get(versions(dev, appId));
    assertEquals(403, foreignPath.status());
    assertEquals(4003, foreignPath.code());

    assertEquals(4004, dev.get(versions(dev, "no-such-app")).code());
    assertEquals(4004, dev.get(versions(dev, appId) + "/no-such-version").code());
    assertEquals(4004, dev.put(versions(dev, appId) + "/no-such-version", new JsonObject().put("name", "x")).code());
    String theirVersion = version(other, othersApp, body("1.0", 1));
    Resp crossed = dev.get(versions(dev, appId) + "/" + theirVersion);
    assertEquals(404, crossed.status(), "a version id of another app under this app's path");
    assertEquals("1.0", detail(dev, appId, id).getString("name"));
  }

  @Test
  void editChangesSentFieldsAndClearsEmptyOnes() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Edits").getString("appId");
    String id = version(dev, appId, body("1.0", 1).put("desc", "notes").put("deviceIds", "a;b").put("platforms", "linux"));
    String path = versions(dev, appId) + "/" + id;

    Resp r = dev.put(path, new JsonObject().put("name", "calendar_2.0").put("code", 5).put("url", "http://x/2.zip")
        .put("forceUpdate", true));
    assertEquals(1000, r.code(), r::toString);
    JsonObject v = detail(dev, appId, id);
    assertEquals("calendar_2.0", v.getString("name"));
    assertEquals(5, v.getInteger("code"));
    assertEquals("http://x/2.zip", v.getString("url"));
    assertTrue(v.getBoolean("forceUpdate"));
    assertEquals("notes", v.getString("desc"), "not sent: unchanged");
    assertEquals("a;b", v.getString("deviceIds"));

    assertEquals(1000, dev.put(path, new JsonObject().put("deviceIds", "").putNull("platforms").putNull("desc")).code());
    v = detail(dev, appId, id);
    assertNull(v.getString("deviceIds"), "targeting cleared");
    assertNull(v.getValue("platforms"));
    assertNull(v.getString("desc"));

    assertBad(dev.put(path, new JsonObject().put("name", " ")), "name");
    assertBad(dev.put(path, new JsonObject().put("code", "x")), "code");
    assertBad(dev.put(path, new JsonObject().put("forceUpdate", 3)), "forceUpdate");
    assertEquals(4000, dev.raw("PUT", path, "{oops", "application/json").code());
    assertEquals("calendar_2.0", detail(dev, appId, id).getString("name"));
  }

  @Test
  void deleteRemovesOneVersion() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Prune").getString("appId");
    String keep = version(dev, appId, body("1.0", 1));
    String drop = version(dev, appId, body("2.0", 2));
    Resp r = dev.delete(versions(dev, appId) + "/" + drop);
    assertEquals(1000, r.code(), r::toString);
    assertEquals(4004, dev.get(versions(dev, appId) + "/" + drop).code());
    assertEquals(4004, dev.delete(versions(dev, appId) + "/" + drop).code());
    Resp list = dev.get(versions(dev, appId));
    assertEquals(1, list.json().getLong("totalCount"));
    assertEquals(keep, list.json().getJsonArray("version").getJsonObject(0).getString("versionId"));
    version(dev, appId, body("2.0 again", 2));
  }

  @Test
  void listPagesAndOrdersUnderBothSpellings() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Many").getString("appId");
    version(dev, appId, body("b-1.1", 11));
    version(dev, appId, body("a-1.3", 13));
    version(dev, appId, body("c-1.2", 12));

    Resp byCode = dev.get(versions(dev, appId));
    assertEquals(1000, byCode.code(), byCode::toString);
    assertEquals(3, byCode.json().getLong("totalCount"));
    assertEquals(List.of("a-1.3", "c-1.2", "b-1.1"), names(byCode), "default: highest code first");
    JsonObject item = byCode.json().getJsonArray("version").getJsonObject(0);
    assertEquals(2, item.getInteger("active"));
    assertNotNull(item.getString("appVersionId"));

    Resp plural = dev.get("/v1/user/" + dev.openId + "/app/" + appId + "/versions?pageNo=1&pageSize=10&orderBy=code:desc");
    assertEquals(names(byCode), names(plural));
    assertEquals(List.of("a-1.3", "b-1.1", "c-1.2"), names(dev.get(versions(dev, appId) + "?orderBy=name:asc")));
    assertEquals(List.of("b-1.1", "a-1.3", "c-1.2"), names(dev.get(versions(dev, appId) + "?orderBy=create_date:asc")));
    Resp page = dev.get(versions(dev, appId) + "?PAGENO=2&pagesize=2");
    assertEquals(3, page.json().getLong("totalCount"));
    assertEquals(List.of("b-1.1"), names(page));

    assertBad(dev.get(versions(dev, appId) + "?pageSize=0"), "pageSize");
    assertBad(dev.get(versions(dev, appId) + "?pageSize=101"), "pageSize");
    assertBad(dev.get(versions(dev, appId) + "?pageNo=0"), "pageNo");
    assertBad(dev.get(versions(dev, appId) + "?orderBy=md5:asc"), "orderBy");
    assertBad(dev.get(versions(dev, appId) + "?orderBy=code:up"), "orderBy");
  }

  @Test
  void releaseAndDisableFlipActive() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Flip").getString("appId");
    String id = version(dev, appId, body("1.0", 1));
    String action = versions(dev, appId) + "/" + id + "/action";

    Resp released = dev.post(action, new JsonObject().putNull("release"));
    assertEquals(1000, released.code(), released::toString);
    JsonObject v = detail(dev, appId, id);
    assertEquals(1, v.getInteger("active"));
    assertNotNull(v.getString("releaseDate"));
    assertEquals(1, dev.get(versions(dev, appId)).json().getJsonArray("version").getJsonObject(0).getInteger("active"));

    Resp disabled = dev.raw("POST", action, "{\"disable \":null}", "application/json");
    assertEquals(1000, disabled.code(), "the seed's own sample, with its trailing space: " + disabled);
    v = detail(dev, appId, id);
    assertEquals(2, v.getInteger("active"));
    assertNull(v.getString("releaseDate"));

    for (JsonObject bad : List.of(new JsonObject(), new JsonObject().putNull("publish"), new JsonObject().putNull("release").putNull("disable"))) {
      assertBad(dev.post(action, bad), "release");
    }
    assertEquals(4004, dev.post(versions(dev, appId) + "/nope/action", new JsonObject().putNull("release")).code());
    assertEquals(2, detail(dev, appId, id).getInteger("active"));
  }

  @Test
  void aVersionWithoutItsPackageCannotBeReleased() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Package").getString("appId");
    String id = version(dev, appId, body("1.0", 1));
    String path = versions(dev, appId) + "/" + id;

    assertEquals(1000, dev.put(path, new JsonObject().put("md5", "")).code(), "a draft may lose its md5");
    assertNull(detail(dev, appId, id).getString("md5"));
    assertRule(dev.post(path + "/action", new JsonObject().putNull("release")), "md5");
    assertEquals(2, detail(dev, appId, id).getInteger("active"));

    assertEquals(1000, dev.put(path, new JsonObject().put("md5", "abc123")).code());
    ReleaseFixtures.release(dev, appId, id);
    assertRule(dev.put(path, new JsonObject().putNull("url")), "url");
    JsonObject v = detail(dev, appId, id);
    assertEquals(1, v.getInteger("active"));
    assertNotNull(v.getString("url"), "the refused edit changed nothing");
  }
}

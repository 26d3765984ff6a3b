package dev.beacon.api.releases;

import static dev.beacon.api.releases.ReleaseFixtures.app;
import static dev.beacon.api.releases.ReleaseFixtures.body;
import static dev.beacon.api.releases.ReleaseFixtures.released;
import static dev.beacon.api.releases.ReleaseFixtures.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Family A's {@code POST /api/v1/version/check}. */
class VersionCheckApiTest extends ServerTest {
  private static final String PATH = "/api/v1/version/check";


  private static JsonObject request(JsonObject app, String current, String platform) {
    JsonObject r = new JsonObject().put("app_key", app.getString("appKey")).put("current_version", current);
    return platform == null ? r : r.put("platform", platform);
  }

  /** The {@code data} of a successful check. */
  private static JsonObject check(JsonObject request) {
    Resp r = server.anonymous().post(PATH, request);
    assertEquals(200, r.status(), r::toString);
    assertEquals(200, r.code(), r::toString);
    return r.json().getJsonObject("data");
  }

  private static JsonObject check(JsonObject app, String current, String platform) {
    return check(request(app, current, platform));
  }

  private static void assertFamilyAError(Resp r, int status, String words) {
    assertEquals(status, r.status(), r::toString);
    JsonObject j = r.json();
    assertEquals(Set.of("code", "message"), j.fieldNames(), r::toString);
    assertEquals(status, j.getInteger("code"));
    assertTrue(j.getString("message").contains(words), () -> "the message should say " + words + ": " + r);
  }

  @Test
  void answersExactlyTheSeedShape() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Shape");
    released(dev, app.getString("appId"), body("1.1.0", 2).put("desc", "更新说明..."));

    Resp r = server.anonymous().post(PATH, request(app, "1.0.0", "windows"));
    assertEquals(200, r.status(), r::toString);
    JsonObject j = r.json();
    assertEquals(Set.of("code", "message", "data"), j.fieldNames());
    assertEquals(200, j.getInteger("code"));
    assertFalse(j.getString("message").isBlank());
    JsonObject data = j.getJsonObject("data");
    assertEquals(Set.of("has_update", "current_version", "latest_version", "download_url", "release_notes", "force_update"),
        data.fieldNames());
    assertEquals(true, data.getBoolean("has_update"));
    assertEquals("1.0.0", data.getString("current_version"));
    assertEquals("1.1.0", data.getString("latest_version"));
    assertEquals("https://dl.example.com/app-1.1.0.zip", data.getString("download_url"));
    assertEquals("更新说明...", data.getString("release_notes"));
    assertEquals(false, data.getBoolean("force_update"));
  }

  @Test
  void upToDateAnswersTheLatestWithoutADownload() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Current");
    JsonObject none = check(app, "1.0.0", "linux");
    assertFalse(none.getBoolean("has_update"));
    assertEquals("1.0.0", none.getString("latest_version"), "nothing released: the current version");
    assertTrue(none.containsKey("download_url"));
    assertNull(none.getValue("download_url"));
    assertNull(none.getValue("release_notes"));

    released(dev, app.getString("appId"), body("1.4.0", 4));
    version(dev, app.getString("appId"), body("9.0.0", 9));
    JsonObject ahead = check(app, "2.0.0", "linux");
    assertFalse(ahead.getBoolean("has_update"));
    assertEquals("1.4.0", ahead.getString("latest_version"), "the newest released, even when older than the client");
    assertNull(ahead.getValue("download_url"));
    JsonObject same = check(app, "1.4", "linux");
    assertFalse(same.getBoolean("has_update"), "1.4 is 1.4.0");
    assertEquals("1.4.0", check(app, "1.3.9", "linux").getString("latest_version"), "the unreleased 9.0.0 is not offered");
  }

  @Test
  void versionNamesCompareAsDottedNumbers() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Dotted");
    String appId = app.getString("appId");
    released(dev, appId, body("1.10.0", 3));
    released(dev, appId, body("1.9.2", 5));

    JsonObject d = check(app, "1.9.2", "windows");
    assertTrue(d.getBoolean("has_update"), "1.10.0 is newer than 1.9.2");
    assertEquals("1.10.0", d.getString("latest_version"), "by name, not by code");
    assertFalse(check(app, "1.10.0", "windows").getBoolean("has_update"));

    JsonObject beta = check(app, "1.10.0-beta", "windows");
    assertTrue(beta.getBoolean("has_update"), "a pre-release is older than its release");
    assertEquals("1.10.0", beta.getString("latest_version"));
    JsonObject junk = check(app, "not a version", "windows");
    assertTrue(junk.getBoolean("has_update"), "junk sorts low instead of failing");
  }

  @Test
  void theCodeBreaksTiesBetweenEqualNames() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Ties");
    String appId = app.getString("appId");
    released(dev, appId, body("2.0", 20).put("url", "https://dl.example.com/rebuild.zip"));
    released(dev, appId, body("2.0.0", 10).put("url", "https://dl.example.com/first.zip"));
    JsonObject d = check(app, "1.0", "linux");
    assertEquals("https://dl.example.com/rebuild.zip", d.getString("download_url"), "the higher code of two equal names");
  }

  @Test
  void platformsTargetVersions() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Desktop");
    String appId = app.getString("appId");
    released(dev, appId, body("1.0.0", 1));
    released(dev, appId, body("1.1.0", 2).put("platforms", "windows"));
    released(dev, appId, body("1.2.0", 3).put("platforms", new JsonArray().add("darwin").add("Linux")));

    assertEquals("1.1.0", check(app, "1.0.0", "windows").getString("latest_version"));
    assertEquals("1.1.0", check(app, "1.0.0", "Win32").getString("latest_version"), "win32 is windows");
    assertEquals("1.1.0", check(app, "1.0.0", "Windows 10").getString("latest_version"));
    assertEquals("1.2.0", check(app, "1.0.0", "darwin").getString("latest_version"));
    assertEquals("1.2.0", check(app, "1.0.0", "macOS").getString("latest_version"), "macos is darwin");
    assertEquals("1.2.0", check(app, "1.0.0", "Mac OS X").getString("latest_version"));
    assertEquals("1.2.0", check(app, "1.0.0", "osx").getString("latest_version"));
    assertEquals("1.2.0", check(app, "1.0.0", "linux").getString("latest_version"));
    JsonObject android = check(app, "1.0.0", "android");
    assertFalse(android.getBoolean("has_update"), "only the untargeted 1.0.0 serves android");
    assertEquals("1.0.0", android.getString("latest_version"));
    assertEquals("1.0.0", check(app, "0.9", null).getString("latest_version"), "no platform: untargeted versions only");
    assertTrue(check(app, "0.9", null).getBoolean("has_update"));
  }

  @Test
  void forceUpdateCoversEveryVersionBetweenCurrentAndLatest() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Forced");
    String appId = app.getString("appId");
    released(dev, appId, body("1.1.0", 2).put("forceUpdate", true));
    released(dev, appId, body("1.2.0", 3));
    released(dev, appId, body("1.3.0", 4).put("forceUpdate", true).put("platforms", "linux"));

    JsonObject fromOld = check(app, "1.0.0", "windows");
    assertEquals("1.2.0", fromOld.getString("latest_version"));
    assertTrue(fromOld.getBoolean("force_update"), "1.1.0 in between is mandatory");
    JsonObject fromForced = check(app, "1.1.0", "windows");
    assertTrue(fromForced.getBoolean("has_update"));
    assertFalse(fromForced.getBoolean("force_update"), "already past the mandatory version");
    assertTrue(check(app, "1.1.0", "linux").getBoolean("force_update"), "1.3.0 is mandatory on linux");
    assertFalse(check(app, "1.3.0", "linux").getBoolean("force_update"), "no update, no force");
  }

  @Test
  void targetedVersionsNeedAListedMachine() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Machines");
    String appId = app.getString("appId");
    released(dev, appId, body("1.0.0", 1));
    released(dev, appId, body("1.5.0-rc1", 2).put("deviceIds", "m-1;m-2"));

    assertEquals("1.0.0", check(app, "0.9", "linux").getString("latest_version"), "no machine id: not a tester");
    assertEquals("1.0.0", check(request(app, "0.9", "linux").put("machine_id", "m-3")).getString("latest_version"));
    assertEquals("1.5.0-rc1", check(request(app, "0.9", "linux").put("machine_id", "m-2")).getString("latest_version"));
  }

  @Test
  void errorsUseFamilyAsShape() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Errors");
    released(dev, app.getString("appId"), body("1.0", 1));

    assertFamilyAError(server.anonymous().post(PATH, new JsonObject().put("current_version", "1.0")), 400, "app_key");
    assertFamilyAError(server.anonymous().post(PATH, new JsonObject().put("app_key", app.getString("appKey"))), 400, "current_version");
    assertFamilyAError(server.anonymous().post(PATH, request(app, "1.0", "linux").put("current_version", new JsonObject())), 400, "current_version");
    assertFamilyAError(server.anonymous().post(PATH, request(app, "1.0", "linux").put("platform", new JsonArray())), 400, "platform");
    assertFamilyAError(server.anonymous().raw("POST", PATH, "{\"app_key\":", "application/json"), 400, "JSON");
    assertFamilyAError(server.anonymous().post(PATH, request(app, "1.0", "linux").put("app_key", "unknown-key")), 401, "app_key");

    String action = "/v1/admin/app/" + app.getString("appId") + "/action";
    assertEquals(1000, server.admin().post(action, new JsonObject().putNull("freeze")).code());
    assertFamilyAError(server.anonymous().post(PATH, request(app, "0.1", "linux")), 403, "frozen");
    assertEquals(1000, server.admin().post(action, new JsonObject().putNull("unfreeze")).code());
    assertTrue(check(app, "0.1", "linux").getBoolean("has_update"));
  }
}

package dev.beacon.api.releases;

import static dev.beacon.api.releases.ReleaseFixtures.app;
import static dev.beacon.api.releases.ReleaseFixtures.body;
import static dev.beacon.api.releases.ReleaseFixtures.disable;
import static dev.beacon.api.releases.ReleaseFixtures.release;
import static dev.beacon.api.releases.ReleaseFixtures.released;
import static dev.beacon.api.releases.ReleaseFixtures.version;
import static dev.beacon.api.releases.ReleaseFixtures.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** Family B's {@code POST /v1/app/upgrade}: what a client is offered, and when it is refused. */
class ReleaseUpgradeApiTest extends ServerTest {

  private static Resp upgrade(TestServer on, JsonObject app, String deviceId) {
    JsonObject req = new JsonObject().put("appId", app.getString("appId")).put("appKey", app.getString("appKey"));
    if (deviceId != null) {
      req.put("deviceId", deviceId);
    }
    return on.anonymous().post("/v1/app/upgrade", req);
  }

  /** The offered version's name, asserting the call succeeded. */
  private static String offered(JsonObject app, String deviceId) {
    Resp r = upgrade(server, app, deviceId);
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonObject("version").getString("versionName");
  }

  private static void assertNothingOffered(Resp r) {
    assertEquals(404, r.status(), r::toString);
    assertEquals(4004, r.code(), r::toString);
  }

  @Test
  void answersTheNewestReleasedVersionAsTheSeedShowsIt() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Touchc");
    String appId = app.getString("appId");
    released(dev, appId, body("touchc_build_2.0.0", 6));
    released(dev, appId, body("touchc_build_2.0.1", 7).put("desc", "fixes").put("forceUpdate", true));
    version(dev, appId, body("touchc_build_3.0.0-draft", 9));

    Resp r = server.anonymous().raw("POST", "/v1/app/upgrade",
        "{\"appId \":\"" + appId + "\",\"appKey \":\"" + app.getString("appKey") + "\"}", "application/json");
    assertEquals(200, r.status(), r::toString);
    assertEquals(1000, r.code());
    JsonObject v = r.json().getJsonObject("version");
    assertEquals("Touchc", v.getString("appName"));
    assertEquals("touchc_build_2.0.1", v.getString("versionName"), "the unreleased code 9 is not offered");
    assertEquals(7, v.getInteger("versionCode"));
    assertEquals("md5-of-touchc_build_2.0.1", v.getString("md5"));
    assertEquals("https://dl.example.com/app-touchc_build_2.0.1.zip", v.getString("url"));
    assertEquals("fixes", v.getString("desc"));
    assertTrue(v.getString("updateTime").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), v.getString("updateTime"));
    assertTrue(v.getBoolean("forceUpdate"));
    assertNull(v.getJsonObject("strategy").getString("deviceIds"), "no targeting");
  }

  @Test
  void releasingAndDisablingChangesTheAnswer() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Toggle");
    String appId = app.getString("appId");
    assertNothingOffered(upgrade(server, app, null));

    String v1 = version(dev, appId, body("1.0", 1));
    String v2 = version(dev, appId, body("2.0", 2));
    assertNothingOffered(upgrade(server, app, null));
    release(dev, appId, v1);
    assertEquals("1.0", offered(app, null));
    release(dev, appId, v2);
    assertEquals("2.0", offered(app, null));
    disable(dev, appId, v2);
    assertEquals("1.0", offered(app, null));
    disable(dev, appId, v1);
    assertNothingOffered(upgrade(server, app, null));
    release(dev, appId, v2);
    assertEquals(1000, dev.put(versions(dev, appId) + "/" + v2, new JsonObject().put("code", 20)).code());
    Resp r = upgrade(server, app, null);
    assertEquals(20, r.json().getJsonObject("version").getInteger("versionCode"), "an edit of a released version shows");
  }

  @Test
  void targetedVersionsGoOnlyToTheirDevices() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Staged");
    String appId = app.getString("appId");
    released(dev, appId, body("2.0", 2));
    released(dev, appId, body("3.0-beta", 3).put("deviceIds", "a6d8jd7d9;asd2133"));

    Resp anyone = upgrade(server, app, null);
    JsonObject v = anyone.json().getJsonObject("version");
    assertEquals("3.0-beta", v.getString("versionName"), "without a device id: the newest, with its strategy");
    assertEquals("a6d8jd7d9;asd2133", v.getJsonObject("strategy").getString("deviceIds"));
    assertEquals("3.0-beta", offered(app, "asd2133"));
    assertEquals("2.0", offered(app, "someone-else"));
    assertEquals("2.0", offered(app, "asd213"), "ids match whole, not as substrings");
    assertEquals("3.0-beta", offered(app, "  "), "a blank device id is no device id");

    JsonObject only = app(dev, "OnlyTargeted");
    released(dev, only.getString("appId"), body("1.0", 1).put("deviceIds", "tester"));
    assertNothingOffered(upgrade(server, only, "stranger"));
    assertEquals("1.0", offered(only, "tester"));
  }

  @Test
  void clientsAreCheckedByAppKey() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Keyed");
    released(dev, app.getString("appId"), body("1.0", 1));

    Resp wrongKey = upgrade(server, app.copy().put("appKey", "0000000000000000"), null);
    assertEquals(401, wrongKey.status());
    assertEquals(4001, wrongKey.code());
    assertNothingOffered(upgrade(server, app.copy().put("appId", "no-such-app"), null));

    Resp noId = server.anonymous().post("/v1/app/upgrade", new JsonObject().put("appKey", app.getString("appKey")));
    assertEquals(4000, noId.code());
    assertTrue(noId.msg().contains("appId"), noId.msg());
    Resp noKey = server.anonymous().post("/v1/app/upgrade", new JsonObject().put("appId", app.getString("appId")));
    assertEquals(4000, noKey.code());
    assertTrue(noKey.msg().contains("appKey"), noKey.msg());
    Resp wrongType = server.anonymous().post("/v1/app/upgrade", new JsonObject().put("appId", app.getString("appId"))
        .put("appKey", app.getString("appKey")).put("deviceId", new JsonObject()));
    assertEquals(4000, wrongType.code());
    assertTrue(wrongType.msg().contains("deviceId"), wrongType.msg());
    Resp malformed = server.anonymous().raw("POST", "/v1/app/upgrade", "{\"appId\":", "application/json");
    assertEquals(400, malformed.status());
    assertEquals(4000, malformed.code());
  }

  @Test
  void frozenAppsAreRefused() {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Frozen");
    String action = "/v1/admin/app/" + app.getString("appId") + "/action";
    released(dev, app.getString("appId"), body("1.0", 1));
    assertEquals(1000, server.admin().post(action, new JsonObject().putNull("freeze")).code());
    Resp r = upgrade(server, app, null);
    assertEquals(403, r.status(), r::toString);
    assertEquals(4003, r.code());
    assertEquals(1000, server.admin().post(action, new JsonObject().putNull("unfreeze")).code());
    assertEquals("1.0", offered(app, null));
  }

  @Test
  void deletingTheAppRemovesItsVersions() throws Exception {
    Api dev = server.newDeveloper();
    JsonObject app = app(dev, "Gone");
    String appId = app.getString("appId");
    released(dev, appId, body("1.0", 1));
    released(dev, appId, body("1.1", 2));
    assertEquals(2, storedVersions(appId));

    assertEquals(1000, dev.delete("/v1/user/" + dev.openId + "/app/" + appId).code());
    Resp r = upgrade(server, app, null);
    assertNothingOffered(r);
    assertTrue(r.msg().contains("no app"), "the app itself is gone: " + r.msg());
    assertEquals(0, storedVersions(appId), "the versions went with it");
    assertEquals(4004, dev.get(versions(dev, appId)).code());
  }

  private static int storedVersions(String appId) throws Exception {
    try (Connection c = server.server().db().dataSource().getConnection();
        PreparedStatement st = c.prepareStatement("select count(*) from app_version where app_id = ?")) {
      st.setString(1, appId);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void versionsAndReleasesSurviveARestart() throws Exception {
    try (TestServer own = TestServer.start()) {
      Api dev = own.newDeveloper();
      JsonObject app = app(dev, "Durable");
      String appId = app.getString("appId");
      String v1 = released(dev, appId, body("1.0", 1).put("deviceIds", "d1").put("platforms", "linux"));
      version(dev, appId, body("2.0", 2));

      own.restart();
      Api again = new Api(own.base(), dev.openId, dev.token);
      Resp list = again.get(versions(again, appId));
      assertEquals(2, list.json().getLong("totalCount"), list::toString);
      JsonObject first = list.json().getJsonArray("version").getJsonObject(1);
      assertEquals(v1, first.getString("versionId"));
      assertEquals(1, first.getInteger("active"));
      assertEquals("d1", first.getString("deviceIds"));
      assertEquals("linux", first.getJsonArray("platforms").getString(0));
      Resp r = upgrade(own, app, null);
      assertEquals("1.0", r.json().getJsonObject("version").getString("versionName"), r::toString);
    }
  }
}

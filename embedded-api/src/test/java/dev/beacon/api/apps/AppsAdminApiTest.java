package dev.beacon.api.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The admin's app list and freezing. */
class AppsAdminApiTest extends ServerTest {

  private static String action(String appId) {
    return "/v1/admin/app/" + appId + "/action";
  }

  private static List<String> names(Resp list, String key) {
    return list.json().getJsonArray(key).stream().map(o -> ((JsonObject) o).getString("name")).collect(Collectors.toList());
  }

  @Test
  void adminListsEveryonesAppsWithOwnerAndFilters() {
    Api a = server.newDeveloper();
    Api b = server.newDeveloper();
    String tag = "adm" + System.nanoTime();
    AppsApiTest.create(a, tag + " one", 1);
    AppsApiTest.create(b, tag + " two", 2);
    AppsApiTest.create(b, tag + " three", 1);

    Resp all = server.admin().get("/v1/admin/app?name=" + tag + "&orderBy=name:asc");
    assertEquals(1000, all.code(), all::toString);
    assertEquals(3, all.json().getLong("totalCount"));
    assertEquals(List.of(tag + " one", tag + " three", tag + " two"), names(all, "app"));
    assertEquals(names(all, "app"), names(all, "apps"), "sent under both names");
    JsonObject first = all.json().getJsonArray("app").getJsonObject(0);
    assertEquals(a.openId, first.getString("openId"));
    assertEquals(0, first.getInteger("status"));

    Resp ofB = server.admin().get("/v1/admin/app?name=" + tag + "&openId=" + b.openId);
    assertEquals(List.of(tag + " three", tag + " two"), names(ofB, "app"));
    Resp ofBAndroid = server.admin().get("/v1/admin/apps?name=" + tag + "&openId=" + b.openId + "&platform=1");
    assertEquals(List.of(tag + " three"), names(ofBAndroid, "app"), "the seed's curl spelling works too");

    assertEquals(4000, server.admin().get("/v1/admin/app?pageSize=101").code());
    assertEquals(4000, server.admin().get("/v1/admin/app?orderBy=openId:asc").code());
    assertEquals(4000, server.admin().get("/v1/admin/app?endCreateDate=2020-01-01").code());
  }

  @Test
  void developersCannotUseAdminRoutes() {
    Api dev = server.newDeveloper();
    JsonObject app = AppsApiTest.create(dev, "Mine", 1);
    Resp list = dev.get("/v1/admin/app");
    assertEquals(403, list.status());
    assertEquals(4003, list.code());
    Resp freeze = dev.post(action(app.getString("appId")), new JsonObject().putNull("freeze"));
    assertEquals(4003, freeze.code(), freeze::toString);
    assertEquals(4001, server.anonymous().get("/v1/admin/app").code());
    assertEquals(0, dev.get("/v1/user/" + dev.openId + "/app/" + app.getString("appId")).json().getJsonObject("app").getInteger("status"));
  }

  @Test
  void freezeAndUnfreezeShowInTheDevelopersList() {
    Api dev = server.newDeveloper();
    JsonObject app = AppsApiTest.create(dev, "Icy", 1);
    String appId = app.getString("appId");
    String detail = "/v1/user/" + dev.openId + "/app/" + appId;

    Resp frozen = server.admin().post(action(appId), new JsonObject().putNull("freeze"));
    assertEquals(1000, frozen.code(), frozen::toString);
    assertEquals(1, dev.get(detail).json().getJsonObject("app").getInteger("status"));
    assertEquals(1, dev.get("/v1/user/" + dev.openId + "/app").json().getJsonArray("apps").getJsonObject(0).getInteger("status"));

    Resp again = server.admin().post(action(appId), new JsonObject().putNull("freeze"));
    assertEquals(1000, again.code(), "freezing twice is harmless");

    Resp thawed = server.admin().raw("POST", action(appId), "{\" unfreeze \":null}", "application/json");
    assertEquals(1000, thawed.code(), thawed::toString);
    assertEquals(0, dev.get(detail).json().getJsonObject("app").getInteger("status"));
  }

  @Test
  void actionNeedsExactlyOneKnownVerbAndAnExistingApp() {
    Api dev = server.newDeveloper();
    String appId = AppsApiTest.create(dev, "Verbs", 1).getString("appId");
    for (JsonObject bad : List.of(new JsonObject(), new JsonObject().putNull("melt"),
        new JsonObject().putNull("freeze").putNull("unfreeze"))) {
      Resp r = server.admin().post(action(appId), bad);
      assertEquals(400, r.status(), () -> bad + " -> " + r);
      assertTrue(r.msg().contains("freeze"), r.msg());
    }
    assertEquals(4000, server.admin().raw("POST", action(appId), "{freeze}", "application/json").code());
    Resp unknown = server.admin().post(action("no-such-app"), new JsonObject().putNull("freeze"));
    assertEquals(404, unknown.status());
    assertEquals(4004, unknown.code());
    assertEquals(0, dev.get("/v1/user/" + dev.openId + "/app/" + appId).json().getJsonObject("app").getInteger("status"));
  }
}

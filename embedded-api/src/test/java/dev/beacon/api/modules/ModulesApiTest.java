package dev.beacon.api.modules;

import static dev.beacon.api.modules.ModuleFixtures.app;
import static dev.beacon.api.modules.ModuleFixtures.body;
import static dev.beacon.api.modules.ModuleFixtures.module;
import static dev.beacon.api.modules.ModuleFixtures.modules;
import static dev.beacon.api.modules.ModuleFixtures.version;
import static dev.beacon.api.support.ApiAsserts.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A developer's app modules: create, edit, delete, detail, list, and what deleting takes along. */
class ModulesApiTest extends ServerTest {

  private static List<String> names(Resp list) {
    return list.json().getJsonArray("module").stream().map(o -> ((JsonObject) o).getString("name")).collect(Collectors.toList());
  }

  private static long rows(String sql, String id) throws Exception {
    try (Connection c = server.server().db().dataSource().getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void createAnswersTheIdAndDetailShowsEveryField() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Touchc").getString("appId");
    Resp created = dev.raw("POST", modules(dev, appId),
        "{\"name \":\"应用模块名\",\"desc\":\"应用模块描述\",\"icon\":\"http://a.b/c.png\"}", "application/json");
    assertEquals(200, created.status(), created::toString);
    String id = created.json().getString("moduleId");
    assertEquals(32, id.length());
    assertEquals(id, created.json().getJsonObject("module").getString("moduleId"));

    Resp detail = dev.get(modules(dev, appId) + "/" + id);
    assertEquals(1000, detail.code(), detail::toString);
    JsonObject m = detail.json().getJsonObject("module");
    assertEquals(id, m.getString("moduleId"));
    assertEquals(appId, m.getString("appId"));
    assertEquals("应用模块名", m.getString("name"));
    assertEquals("应用模块描述", m.getString("desc"));
    assertEquals("http://a.b/c.png", m.getString("icon"));
    assertNotNull(m.getString("createDate"));
    assertEquals(m.getString("createDate"), m.getString("updateDate"));
  }

  @Test
  void createAndEditValidate() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Strict").getString("appId");
    assertError(dev.post(modules(dev, appId), new JsonObject().put("desc", "no name")), 400, 4000, "name");
    assertError(dev.post(modules(dev, appId), new JsonObject().put("name", "  ")), 400, 4000, "name");
    assertError(dev.post(modules(dev, appId), new JsonObject().put("name", "x".repeat(256))), 400, 4000, "name");
    assertError(dev.post(modules(dev, appId), new JsonObject().put("name", "a").put("icon", new JsonObject())), 400, 4000, "icon");
    assertError(dev.raw("POST", modules(dev, appId), "{\"name\":", "application/json"), 400, 4000, "malformed JSON");
    assertError(dev.raw("POST", modules(dev, appId), "[1]", "application/json"), 400, 4000, "JSON object");
    String id = module(dev, appId, "calendar");
    assertError(dev.put(modules(dev, appId) + "/" + id, new JsonObject().put("name", "")), 400, 4000, "name");
  }

  @Test
  void editChangesOnlyWhatIsSent() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Edit").getString("appId");
    Resp created = dev.post(modules(dev, appId), new JsonObject().put("name", "calendar").put("desc", "old").put("icon", "http://a.png"));
    String id = created.json().getString("moduleId");
    Resp r = dev.put(modules(dev, appId) + "/" + id, new JsonObject().put("name", "修改后应用模块名").put("desc", "new"));
    assertEquals(1000, r.code(), r::toString);
    JsonObject m = dev.get(modules(dev, appId) + "/" + id).json().getJsonObject("module");
    assertEquals("修改后应用模块名", m.getString("name"));
    assertEquals("new", m.getString("desc"));
    assertEquals("http://a.png", m.getString("icon"), "not sent, kept");
  }

  @Test
  void listPagesAndOrders() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Lister").getString("appId");
    for (String n : List.of("beta", "alpha", "gamma")) {
      module(dev, appId, n);
    }
    String otherApp = app(dev, "Other").getString("appId");
    module(dev, otherApp, "not listed");

    Resp all = dev.get(modules(dev, appId));
    assertEquals(1000, all.code(), all::toString);
    assertEquals(3, all.json().getInteger("totalCount"));
    assertEquals(List.of("gamma", "alpha", "beta"), names(all), "default create_date:desc, newest first");
    assertEquals(List.of("alpha", "beta", "gamma"), names(dev.get(modules(dev, appId) + "?orderBy=name:asc")));
    Resp page = dev.get(modules(dev, appId) + "?pageno=2&PageSize=2&orderBy=name:desc");
    assertEquals(3, page.json().getInteger("totalCount"), "the count is before paging");
    assertEquals(List.of("alpha"), names(page));
    assertEquals(appId, page.json().getJsonArray("module").getJsonObject(0).getString("appId"));

    assertError(dev.get(modules(dev, appId) + "?orderBy=code:desc"), 400, 4000, "orderBy");
    assertError(dev.get(modules(dev, appId) + "?pageSize=101"), 400, 4000, "pageSize");
    assertError(dev.get(modules(dev, appId) + "?pageNo=0"), 400, 4000, "pageNo");
  }

  @Test
  void unknownIdsAndOtherDevelopersAppsAreNotFound() {
    Api dev = server.newDeveloper();
    Api other = server.newDeveloper();
    String appId = app(dev, "Mine").getString("appId");
    String id = module(dev, appId, "calendar");
    String otherApp = app(other, "Theirs").getString("appId");

    assertError(dev.get(modules(dev, appId) + "/nope"), 404, 4004, "nope");
    assertError(dev.get(modules(dev, "no-such-app")), 404, 4004, "no-such-app");
    assertError(dev.get(modules(dev, otherApp) + "/" + id), 404, 4004, "no app " + otherApp);
    String secondApp = app(dev, "Second").getString("appId");
    assertError(dev.get(modules(dev, secondApp) + "/" + id), 404, 4004, "no module " + id + " in app " + secondApp);
    // the other developer cannot see, edit or delete it, through their own openId or through the owner's
    assertError(other.get(modules(other, appId)), 404, 4004, appId);
    assertError(other.get(modules(other, appId) + "/" + id), 404, 4004, appId);
    assertError(other.put(modules(other, appId) + "/" + id, new JsonObject().put("name", "x")), 404, 4004, appId);
    assertError(other.delete(modules(other, appId) + "/" + id), 404, 4004, appId);
    assertError(other.get(modules(dev, appId)), 403, 4003, "openId");
    assertError(server.anonymous().get(modules(dev, appId)), 401, 4001, "X-Auth-Token");
    assertEquals("calendar", dev.get(modules(dev, appId) + "/" + id).json().getJsonObject("module").getString("name"));
  }

  @Test
  void deletingAModuleRemovesItsVersions() throws Exception {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Deleter").getString("appId");
    String id = module(dev, appId, "calendar");
    version(dev, appId, id, body("calendar_1.0", 1));
    version(dev, appId, id, body("calendar_1.1", 2));
    assertEquals(2, rows("select count(*) from module_version where module_id = ?", id));

    Resp r = dev.delete(modules(dev, appId) + "/" + id);
    assertEquals(1000, r.code(), r::toString);
    assertEquals(0, rows("select count(*) from app_module where module_id = ?", id));
    assertEquals(0, rows("select count(*) from module_version where module_id = ?", id));
    assertError(dev.get(modules(dev, appId) + "/" + id), 404, 4004, id);
    assertError(dev.delete(modules(dev, appId) + "/" + id), 404, 4004, id);
  }

  @Test
  void deletingAnAppRemovesItsModulesAndTheirVersions() throws Exception {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Doomed").getString("appId");
    String a = module(dev, appId, "a");
    String b = module(dev, appId, "b");
    version(dev, appId, a, body("a_1", 1));
    version(dev, appId, b, body("b_1", 1));
    String keptApp = app(dev, "Kept").getString("appId");
    String kept = module(dev, keptApp, "kept");
    version(dev, keptApp, kept, body("kept_1", 1));
    assertEquals(2, rows("select count(*) from app_module where app_id = ?", appId));

    Resp r = dev.delete("/v1/user/" + dev.openId + "/app/" + appId);
    assertEquals(1000, r.code(), r::toString);
    assertEquals(0, rows("select count(*) from app_module where app_id = ?", appId));
    assertEquals(0, rows("select count(*) from module_version where module_id in (?, '" + b + "')", a));
    assertEquals(1, rows("select count(*) from module_version where module_id = ?", kept), "another app's modules stay");
  }

  @Test
  void aModuleWithoutDescOrIconShowsNulls() {
    Api dev = server.newDeveloper();
    String appId = app(dev, "Bare").getString("appId");
    String id = module(dev, appId, "bare");
    JsonObject m = dev.get(modules(dev, appId) + "/" + id).json().getJsonObject("module");
    assertNull(m.getString("desc"));
    assertNull(m.getString("icon"));
  }
}

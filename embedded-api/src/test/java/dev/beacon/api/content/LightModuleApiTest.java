package dev.beacon.api.content;

import static dev.beacon.api.content.ContentFixtures.fails;
import static dev.beacon.api.content.ContentFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Light-module categories and light modules: the seed's bodies, list, detail, download, hiding, errors. */
class LightModuleApiTest extends ContentApiTest {
  /** The seed's sample as written: a comma is missing after "desc", so it is malformed JSON. */
  static final String SEED_MODULE = """
      {
          "name":"sideMenu",
          "moduleCategoryId":11,
          "sdkId":"akdjfwoiejfwksdjfk",
          "picUrl":"url1,url2",
          "docId":1,
          "desc":"这是一个sideMenu模块"
          "type":"1"
      }""";

  static String docId;
  static String sdkId;

  @BeforeAll
  static void fixtures() throws Exception {
    docId = ContentFixtures.doc(admin, "module doc", "http://domain/md/module.md");
    sdkId = ContentFixtures.sdk(admin, "sideMenu", 1, 1);
  }

  /** The seed's module sample made valid JSON, pointing at real things. */
  private static String moduleBody(String categoryId, String sdk) {
    return SEED_MODULE.replace("模块\"\n", "模块\",\n").replace("11", "\"" + categoryId + "\"")
        .replace("akdjfwoiejfwksdjfk", sdk).replace("\"docId\":1", "\"docId\":\"" + docId + "\"");
  }

  private static List<String> names(Resp list) {
    return list.json().getJsonArray("dataList").stream().map(o -> ((JsonObject) o).getString("name")).collect(Collectors.toList());
  }

  private static JsonArray categories(Api api, String path) {
    return ok(api.get(path)).json().getJsonArray("moduleCategoryList");
  }

  @Test
  void categoriesFollowTheSeedsSamples() {
    String body = "{\n    \"name\":\"界面布局\",\n    \"docId\":\"qwert12345\"\n}";
    fails(admin.raw("POST", "/v1/admin/sdk/lightmodule/category", body, "application/json"), 404, 4004, "no doc (docId) qwert12345");
    String id = ok(admin.raw("POST", "/v1/admin/sdk/lightmodule/category", body.replace("qwert12345", docId), "application/json"))
        .json().getString("moduleCategoryId");
    assertEquals(32, id.length());

    JsonObject listed = categories(server.anonymous(), "/v1/sdk/lightmodule/category").stream().map(o -> (JsonObject) o)
        .filter(c -> c.getString("moduleCategoryId").equals(id)).findFirst().orElseThrow();
    assertEquals("界面布局", listed.getString("name"));
    assertEquals(docId, listed.getString("docId"));
    assertEquals("1", listed.getString("type"));
    assertEquals(categories(server.anonymous(), "/v1/sdk/lightmodule/category"), categories(admin, "/v1/admin/sdk/lightmodule/category"),
        "the seed's curl reads the list under /v1/admin too");

    ok(admin.raw("PUT", "/v1/admin/sdk/lightmodule/category/" + id, "{\"name\":\"第三方\",\"docId\":\"" + docId + "\"}", "application/json"));
    assertTrue(categories(server.anonymous(), "/v1/sdk/lightmodule/category").stream()
        .anyMatch(o -> ((JsonObject) o).getString("name").equals("第三方")));
    ok(admin.delete("/v1/admin/sdk/lightmodule/category/" + id));
    assertFalse(categories(server.anonymous(), "/v1/sdk/lightmodule/category").stream()
        .anyMatch(o -> ((JsonObject) o).getString("moduleCategoryId").equals(id)));
  }

  @Test
  void categoryErrors() {
    String id = ContentFixtures.category(admin, "Layout", docId);
    fails(admin.post("/v1/admin/sdk/lightmodule/category", new JsonObject().put("name", "layout").put("docId", docId)), 409, 4007, "already exists");
    fails(admin.post("/v1/admin/sdk/lightmodule/category", new JsonObject().put("name", "x")), 400, 4000, "docId is required");
    fails(admin.post("/v1/admin/sdk/lightmodule/category", new JsonObject().put("docId", docId)), 400, 4000, "name is required");
    fails(admin.post("/v1/admin/sdk/lightmodule/category", new JsonObject().put("name", "y").put("docId", docId).put("type", 3)), 400, 4000, "type must be");
    String other = ContentFixtures.category(admin, "Other", docId);
    fails(admin.put("/v1/admin/sdk/lightmodule/category/" + other, new JsonObject().put("name", "LAYOUT")), 409, 4007, "already exists");
    fails(admin.put("/v1/admin/sdk/lightmodule/category/" + other, new JsonObject().put("docId", "nope")), 404, 4004, "nope");
    fails(admin.put("/v1/admin/sdk/lightmodule/category/nope", new JsonObject().put("name", "z")), 404, 4004, "nope");
    fails(admin.delete("/v1/admin/sdk/lightmodule/category/nope"), 404, 4004, "nope");

    ContentFixtures.lightModule(admin, "grid", id, sdkId, docId);
    fails(admin.delete("/v1/admin/sdk/lightmodule/category/" + id), 409, 4007, "light modules (1: grid)");

    Api dev = server.newDeveloper();
    fails(dev.post("/v1/admin/sdk/lightmodule/category", new JsonObject().put("name", "d").put("docId", docId)), 403, 4003, "admin");
    fails(dev.put("/v1/admin/sdk/lightmodule/category/" + id, new JsonObject().put("name", "d")), 403, 4003, "admin");
    fails(dev.delete("/v1/admin/sdk/lightmodule/category/" + id), 403, 4003, "admin");
    fails(dev.get("/v1/admin/sdk/lightmodule/category"), 403, 4003, "admin");
  }

  @Test
  void theSeedsModuleSampleCreatesEditsShowsAndDeletes() {
    String categoryId = ContentFixtures.category(admin, "界面布局-" + System.nanoTime(), docId);
    fails(admin.raw("POST", "/v1/admin/sdk/lightmodule", SEED_MODULE, "application/json"), 400, 4000, "malformed JSON");
    String id = ok(admin.raw("POST", "/v1/admin/sdk/lightmodule", moduleBody(categoryId, sdkId), "application/json"))
        .json().getString("lightModuleId");
    assertEquals(32, id.length());

    ok(admin.raw("PUT", "/v1/admin/sdk/lightmodule/" + id, moduleBody(categoryId, sdkId).replace("\"sideMenu\"", "\"菜单\""), "application/json"));
    JsonObject data = ok(server.anonymous().get("/v1/sdk/lightmodule/" + id)).json().getJsonObject("data");
    assertEquals(id, data.getString("lightModuleId"));
    assertEquals("菜单", data.getString("name"));
    assertEquals("sideMenu", data.getString("sdkName"));
    assertEquals("1.0.0", data.getString("sdkVersion"));
    assertNotNull(data.getString("sdkUpdateDate"));
    assertEquals("http://domain/md/module.md", data.getString("docUrl"));
    assertEquals("url1,url2", data.getString("pic"));
    assertEquals("这是一个sideMenu模块", data.getString("desc"));

    fails(server.anonymous().get("/v1/sdk/lightmodule/" + id + "/download"), 404, 4004, "nothing to download");
    ContentFixtures.resource(admin, new JsonObject().put("name", "v1").put("type", 3).put("sdkId", sdkId).put("url", "/files/v1.zip"));
    ContentFixtures.resource(admin, new JsonObject().put("name", "v2").put("type", 3).put("sdkId", sdkId).put("url", "/files/v2.zip"));
    ContentFixtures.resource(admin, new JsonObject().put("name", "sample").put("type", 4).put("sdkId", sdkId).put("url", "/files/s.zip"));
    Resp download = ok(server.anonymous().get("/v1/sdk/lightmodule/" + id + "/download"));
    assertEquals("/files/v2.zip", download.json().getString("downLoadUrl"), "the SDK's newest package");

    ok(admin.delete("/v1/admin/sdk/lightmodule/" + id));
    fails(server.anonymous().get("/v1/sdk/lightmodule/" + id), 404, 4004, id);
    fails(admin.delete("/v1/admin/sdk/lightmodule/" + id), 404, 4004, id);
  }

  @Test
  void theListNamesSdkAndCategoryFiltersAndOrders() {
    String cat = ContentFixtures.category(admin, "list-" + System.nanoTime(), docId);
    String otherCat = ContentFixtures.category(admin, "other-" + System.nanoTime(), docId);
    ContentFixtures.lightModule(admin, "b-menu", cat, sdkId, docId);
    ContentFixtures.lightModule(admin, "a-grid", cat, sdkId, docId);
    ContentFixtures.lightModule(admin, "c-tabs", cat, sdkId, docId);
    ContentFixtures.lightModule(admin, "elsewhere", otherCat, sdkId, docId);

    Resp list = ok(server.anonymous().get("/v1/sdk/lightmodule/list?moduleCategoryId=" + cat));
    assertEquals(3, list.json().getInteger("totalCount"));
    assertEquals(List.of("c-tabs", "a-grid", "b-menu"), names(list), "newest first by default");
    JsonObject item = list.json().getJsonArray("dataList").getJsonObject(0);
    assertEquals("sideMenu", item.getString("sdkName"));
    assertTrue(item.getString("moduleCategoryName").startsWith("list-"));
    assertEquals("http://pics/c-tabs.png", item.getString("pic"));
    assertNotNull(item.getString("createDate"));
    assertNotNull(item.getString("updateDate"));

    assertEquals(List.of("a-grid", "b-menu", "c-tabs"),
        names(ok(server.anonymous().get("/v1/sdk/lightmodule/list?moduleCategoryId=" + cat + "&orderAttr=name&orderType=asc"))));
    Resp page = ok(server.anonymous().get("/v1/sdk/lightmodule/list?moduleCategoryId=" + cat + "&orderAttr=name&orderType=DESC&pageNo=2&pageSize=2"));
    assertEquals(List.of("a-grid"), names(page));
    assertTrue(ok(server.anonymous().get("/v1/sdk/lightmodule/list")).json().getInteger("totalCount") >= 4);
    assertEquals(0, ok(server.anonymous().get("/v1/sdk/lightmodule/list?moduleCategoryId=nope")).json().getInteger("totalCount"));

    fails(server.anonymous().get("/v1/sdk/lightmodule/list?orderAttr=sdkId"), 400, 4000, "orderAttr");
    fails(server.anonymous().get("/v1/sdk/lightmodule/list?orderType=up"), 400, 4000, "orderType");
    fails(server.anonymous().get("/v1/sdk/lightmodule/list?pageNo=0"), 400, 4000, "pageNo");
  }

  @Test
  void modulesOfAnInternalSdkAreHiddenFromOutsiders() {
    String secretSdk = ContentFixtures.sdk(admin, "secret kit", 0, 1);
    String cat = ContentFixtures.category(admin, "hidden-" + System.nanoTime(), docId);
    String open = ContentFixtures.lightModule(admin, "open", cat, sdkId, docId);
    String secret = ContentFixtures.lightModule(admin, "secret", cat, secretSdk, docId);
    ContentFixtures.resource(admin, new JsonObject().put("name", "pkg").put("type", 3).put("sdkId", secretSdk).put("url", "/files/secret.zip"));
    String query = "/v1/sdk/lightmodule/list?moduleCategoryId=" + cat;

    assertEquals(List.of("open"), names(ok(server.anonymous().get(query))));
    assertEquals(1, ok(server.anonymous().get(query)).json().getInteger("totalCount"));
    fails(server.anonymous().get("/v1/sdk/lightmodule/" + secret), 404, 4004, secret);
    fails(server.anonymous().get("/v1/sdk/lightmodule/" + secret + "/download"), 404, 4004, secret);
    ok(server.anonymous().get("/v1/sdk/lightmodule/" + open));

    Api outsider = server.newDeveloper();
    Api insider = server.newDeveloper();
    ContentFixtures.setInternal(admin, insider.openId, true);
    assertEquals(List.of("open"), names(ok(outsider.get(query + "&openId=" + outsider.openId))));
    assertEquals(List.of("secret", "open"), names(ok(insider.get(query + "&openId=" + insider.openId))));
    assertEquals(List.of("open"), names(ok(server.anonymous().get(query + "&openId=" + insider.openId))), "an openId alone proves nothing");
    fails(insider.get(query + "&openId=" + outsider.openId), 403, 4003, "openId");
    assertEquals("/files/secret.zip", ok(insider.get("/v1/sdk/lightmodule/" + secret + "/download")).json().getString("downLoadUrl"));
    assertEquals(2, names(ok(admin.get(query))).size());
  }

  @Test
  void moduleFieldsAreChecked() {
    String cat = ContentFixtures.category(admin, "checks-" + System.nanoTime(), docId);
    String nativeSdk = ContentFixtures.sdk(admin, "native", 1, 2);
    for (String field : List.of("name", "moduleCategoryId", "sdkId", "picUrl", "docId")) {
      JsonObject body = new JsonObject(moduleBody(cat, sdkId));
      body.remove(field);
      fails(admin.post("/v1/admin/sdk/lightmodule", body), 400, 4000, field + " is required");
    }
    fails(admin.post("/v1/admin/sdk/lightmodule", new JsonObject(moduleBody(cat, sdkId)).put("type", "3")), 400, 4000, "type must be");
    fails(admin.post("/v1/admin/sdk/lightmodule", new JsonObject(moduleBody(cat, sdkId)).put("moduleCategoryId", "nope")), 404, 4004, "category");
    fails(admin.post("/v1/admin/sdk/lightmodule", new JsonObject(moduleBody(cat, "nope"))), 404, 4004, "SDK (sdkId) nope");
    fails(admin.post("/v1/admin/sdk/lightmodule", new JsonObject(moduleBody(cat, sdkId)).put("docId", "nope")), 404, 4004, "doc (docId) nope");
    fails(admin.post("/v1/admin/sdk/lightmodule", new JsonObject(moduleBody(cat, nativeSdk))), 409, 4007, "light-app SDK");
    fails(admin.post("/v1/admin/sdk/lightmodule", new JsonObject(moduleBody(cat, sdkId)).put("desc", "x".repeat(256))), 400, 4000, "desc");

    String id = ContentFixtures.lightModule(admin, "checked", cat, sdkId, docId);
    fails(admin.put("/v1/admin/sdk/lightmodule/" + id, new JsonObject().put("name", "")), 400, 4000, "name cannot be empty");
    fails(admin.put("/v1/admin/sdk/lightmodule/" + id, new JsonObject().put("sdkId", nativeSdk)), 409, 4007, "light-app SDK");
    fails(admin.put("/v1/admin/sdk/lightmodule/nope", new JsonObject().put("name", "x")), 404, 4004, "nope");
    fails(server.anonymous().get("/v1/sdk/lightmodule/nope"), 404, 4004, "nope");

    Api dev = server.newDeveloper();
    fails(dev.raw("POST", "/v1/admin/sdk/lightmodule", moduleBody(cat, sdkId), "application/json"), 403, 4003, "admin");
    fails(dev.put("/v1/admin/sdk/lightmodule/" + id, new JsonObject().put("name", "x")), 403, 4003, "admin");
    fails(dev.delete("/v1/admin/sdk/lightmodule/" + id), 403, 4003, "admin");
    fails(server.anonymous().delete("/v1/admin/sdk/lightmodule/" + id), 401, 4001, null);
  }
}

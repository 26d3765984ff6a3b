package dev.beacon.api.content;

import static dev.beacon.api.content.ContentFixtures.fails;
import static dev.beacon.api.content.ContentFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Public documents: the admin's CRUD and list, the public detail. */
class DocApiTest extends ContentApiTest {
  private static List<String> names(Resp list) {
    return list.json().getJsonArray("docs").stream().map(o -> ((JsonObject) o).getString("name")).collect(Collectors.toList());
  }

  @Test
  void seedSamplesCreateEditReadAndDelete() {
    Resp created = ok(admin.raw("POST", "/v1/admin/doc",
        "{\"name\":\"创建第一个文档\",\"url\":\"http://domain/app/create.md\",\"type\":1}", "application/json"));
    String docId = created.json().getString("docId");
    assertEquals(32, docId.length());

    Resp edited = ok(admin.raw("PUT", "/v1/admin/doc/" + docId,
        "{\"name\":\"创建第一个移动应用\",\"url\":\"http://domain/app/update.md\"}", "application/json"));
    assertEquals("创建第一个移动应用", edited.json().getJsonObject("doc").getString("name"));

    JsonObject doc = ok(server.anonymous().get("/v1/doc/" + docId)).json().getJsonObject("doc");
    assertEquals(docId, doc.getString("docId"));
    assertEquals("创建第一个移动应用", doc.getString("name"));
    assertEquals(1, doc.getInteger("type"), "type stays when an edit leaves it out");
    assertEquals("http://domain/app/update.md", doc.getString("url"));
    assertNotNull(doc.getString("createdate"));
    assertNotNull(doc.getString("updatedate"));

    ok(admin.delete("/v1/admin/doc/" + docId));
    fails(server.anonymous().get("/v1/doc/" + docId), 404, 4004, docId);
    fails(admin.delete("/v1/admin/doc/" + docId), 404, 4004, docId);
  }

  @Test
  void everySeedTypeIsAcceptedAndNothingElse() {
    for (int type = 1; type <= 7; type++) {
      ok(admin.post("/v1/admin/doc", new JsonObject().put("name", "t" + type).put("url", "u").put("type", type)));
    }
    ok(admin.post("/v1/admin/doc", new JsonObject().put("name", "as text").put("url", "u").put("type", "3")));
    for (Object bad : List.of(0, 8, -1)) {
      fails(admin.post("/v1/admin/doc", new JsonObject().put("name", "x").put("url", "u").put("type", bad)), 400, 4000, "type must be");
    }
    fails(admin.post("/v1/admin/doc", new JsonObject().put("name", "x").put("url", "u").put("type", "one")), 400, 4000, "type");
    fails(admin.post("/v1/admin/doc", new JsonObject().put("name", "x").put("url", "u").put("type", 1.5)), 400, 4000, "type");
  }

  @Test
  void missingAndWrongFieldsAreRefusedByName() {
    fails(admin.post("/v1/admin/doc", new JsonObject().put("url", "u").put("type", 1)), 400, 4000, "name is required");
    fails(admin.post("/v1/admin/doc", new JsonObject().put("name", "n").put("type", 1)), 400, 4000, "url is required");
    fails(admin.post("/v1/admin/doc", new JsonObject().put("name", "n").put("url", "u")), 400, 4000, "type is required");
    fails(admin.post("/v1/admin/doc", new JsonObject().put("name", new JsonObject()).put("url", "u").put("type", 1)), 400, 4000, "name must be a string");
    fails(admin.raw("POST", "/v1/admin/doc", "{\"name\":", "application/json"), 400, 4000, "malformed JSON");
    fails(admin.post("/v1/admin/doc", new JsonObject().put("name", "n").put("url", "/files/../db/beacon.mv.db").put("type", 1)),
        400, 4000, "url /files/");

    String docId = ContentFixtures.doc(admin, "keeps", "http://x/a.md");
    fails(admin.put("/v1/admin/doc/" + docId, new JsonObject().put("name", " ")), 400, 4000, "name cannot be empty");
    fails(admin.put("/v1/admin/doc/" + docId, new JsonObject().put("url", "")), 400, 4000, "url or content");
    fails(admin.put("/v1/admin/doc/" + docId, new JsonObject().put("type", 9)), 400, 4000, "type must be");
    fails(admin.put("/v1/admin/doc/nope", new JsonObject().put("name", "x")), 404, 4004, "no doc nope");
    assertEquals("keeps", ok(admin.get("/v1/doc/" + docId)).json().getJsonObject("doc").getString("name"));
  }

  @Test
  void inlineContentCanStandInForTheUrlAndBeRemovedOnlyWhileAUrlRemains() {
    String docId = ContentFixtures.markdownDoc(admin, "Inline", "# Hello");
    JsonObject doc = ok(admin.get("/v1/doc/" + docId)).json().getJsonObject("doc");
    assertEquals("# Hello", doc.getString("content"));
    assertTrue(doc.getBoolean("hasContent"));
    assertEquals("/v1/doc/" + docId + "/html", doc.getString("url"), "a doc without url points at its rendered page");

    fails(admin.put("/v1/admin/doc/" + docId, new JsonObject().put("content", "")), 400, 4000, "url or content");
    ok(admin.put("/v1/admin/doc/" + docId, new JsonObject().put("url", "http://elsewhere/x.md").put("content", "")));
    JsonObject after = ok(admin.get("/v1/doc/" + docId)).json().getJsonObject("doc");
    assertFalse(after.getBoolean("hasContent"));
    assertEquals("http://elsewhere/x.md", after.getString("url"));
  }

  @Test
  void listFiltersByNameSubstringAndDateAndPagesAndOrders() {
    String tag = "lst" + System.nanoTime();
    for (String n : List.of("b", "a", "c")) {
      ContentFixtures.doc(admin, tag + "-" + n, "http://x/" + n + ".md");
    }
    ContentFixtures.doc(admin, "odd%_name", "http://x/o.md");

    Resp byName = ok(admin.get("/v1/admin/doc?name=" + tag + "&orderBy=name:asc"));
    assertEquals(3, byName.json().getInteger("totalCount"));
    assertEquals(List.of(tag + "-a", tag + "-b", tag + "-c"), names(byName));
    JsonObject first = byName.json().getJsonArray("docs").getJsonObject(0);
    assertEquals(1, first.getInteger("type"));
    assertFalse(first.containsKey("content"), "the list leaves content out");

    assertEquals(List.of(tag + "-c", tag + "-a", tag + "-b"), names(ok(admin.get("/v1/admin/doc?name=" + tag))),
        "default order is create_date:desc");
    Resp page2 = ok(admin.get("/v1/admin/doc?name=" + tag + "&orderBy=name:desc&pageNo=2&pageSize=2"));
    assertEquals(3, page2.json().getInteger("totalCount"));
    assertEquals(List.of(tag + "-a"), names(page2));
    assertEquals(3, ok(admin.get("/v1/admin/doc?name=" + tag.toUpperCase())).json().getInteger("totalCount"),
        "the name search ignores case");
    assertEquals(1, ok(admin.get("/v1/admin/doc?name=%25_")).json().getInteger("totalCount"), "% and _ are literal");

    String today = java.time.LocalDate.now().toString();
    assertEquals(3, ok(admin.get("/v1/admin/doc?name=" + tag + "&startCreateDate=" + today + "&endCreateDate=" + today))
        .json().getInteger("totalCount"));
    assertEquals(0, ok(admin.get("/v1/admin/doc?name=" + tag + "&endCreateDate=2001-01-01")).json().getInteger("totalCount"));
    assertEquals(0, ok(admin.get("/v1/admin/doc?name=" + tag + "&startCreateDate=2999-01-01%2000:00:00")).json().getInteger("totalCount"));

    fails(admin.get("/v1/admin/doc?orderBy=url:asc"), 400, 4000, "orderBy");
    fails(admin.get("/v1/admin/doc?pageSize=101"), 400, 4000, "pageSize");
    fails(admin.get("/v1/admin/doc?startCreateDate=yesterday"), 400, 4000, "startCreateDate");
    fails(admin.get("/v1/admin/doc?startCreateDate=2020-02-02&endCreateDate=2020-01-01"), 400, 4000, "startCreateDate");
  }

  @Test
  void onlyAnAdminWrites() {
    Api dev = server.newDeveloper();
    String docId = ContentFixtures.doc(admin, "guarded", "http://x/g.md");
    JsonObject body = new JsonObject().put("name", "n").put("url", "u").put("type", 1);
    fails(dev.post("/v1/admin/doc", body), 403, 4003, "admin");
    fails(dev.put("/v1/admin/doc/" + docId, body), 403, 4003, "admin");
    fails(dev.delete("/v1/admin/doc/" + docId), 403, 4003, "admin");
    fails(dev.get("/v1/admin/doc"), 403, 4003, "admin");
    fails(server.anonymous().post("/v1/admin/doc", body), 401, 4001, null);
    fails(dev.as(dev.openId, "wrong-token").get("/v1/doc/" + docId), 401, 4001, null);
    assertEquals("guarded", ok(dev.get("/v1/doc/" + docId)).json().getJsonObject("doc").getString("name"));
  }

  @Test
  void aDocStillReferencedCannotBeDeleted() {
    String docId = ContentFixtures.doc(admin, "used", "http://x/used.md");
    String nodeId = ContentFixtures.node(admin, null, "Uses the doc", docId);
    String categoryId = ContentFixtures.category(admin, "cat-" + System.nanoTime(), docId);
    String sdkId = ContentFixtures.sdk(admin, "sdk-for-doc", 1, 1);
    String moduleId = ContentFixtures.lightModule(admin, "module-with-doc", categoryId, sdkId, docId);
    String resourceId = ContentFixtures.resource(admin, new JsonObject().put("name", "res-with-doc").put("type", 2)
        .put("docId", docId).put("url", "sdk/x.md"));

    Resp refused = admin.delete("/v1/admin/doc/" + docId);
    fails(refused, 409, 4007, "tree nodes (1: Uses the doc)");
    for (String part : List.of("resources (1: res-with-doc)", "light-module categories (1: cat-", "light modules (1: module-with-doc)")) {
      assertTrue(refused.msg().contains(part), refused.msg());
    }

    ok(admin.delete("/v1/admin/sdk/lightmodule/" + moduleId));
    ok(admin.delete("/v1/admin/sdk/lightmodule/category/" + categoryId));
    ok(admin.delete("/v1/admin/resource/" + resourceId));
    Resp stillNode = admin.delete("/v1/admin/doc/" + docId);
    fails(stillNode, 409, 4007, "tree nodes");
    assertFalse(stillNode.msg().contains("resources"), stillNode.msg());
    ok(admin.delete("/v1/admin/doc/tree/" + nodeId));
    ok(admin.delete("/v1/admin/doc/" + docId));
  }
}

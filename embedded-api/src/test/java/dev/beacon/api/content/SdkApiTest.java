package dev.beacon.api.content;

import static dev.beacon.api.content.ContentFixtures.fails;
import static dev.beacon.api.content.ContentFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** SDKs: the seed's bodies and answers, the detail with its resources, the list, and the errors. */
class SdkApiTest extends ContentApiTest {
  static final String SEED_BODY = """
      {
          "name": "nklaj",
          "provider": "najioe",
          "authority": "0",
          "desc": "jaijga",
          "platform": "0",
          "type": "1"
      }""";

  private static String create(String body) {
    return ok(admin.raw("POST", "/v1/admin/sdk", body, "application/json")).json().getJsonObject("sdkinfo").getString("sdkid");
  }

  @Test
  void theSeedsSampleCreatesAnSdkAnsweredWithItsKeys() {
    Resp r = ok(admin.raw("POST", "/v1/admin/sdk", SEED_BODY, "application/json"));
    JsonObject info = r.json().getJsonObject("sdkinfo");
    String id = info.getString("sdkid");
    assertEquals(32, id.length());
    assertEquals(id, r.json().getString("sdkId"));
    assertEquals("nklaj", info.getString("name"));
    assertEquals("najioe", info.getString("provider"));
    assertEquals("0", info.getString("authority"));
    assertEquals("jaijga", info.getString("desc"));
    assertEquals("0", info.getString("platform"));
    assertEquals("1", info.getString("type"));
    assertNotNull(info.getString("createdate"));

    JsonObject edited = ok(admin.raw("PUT", "/v1/admin/sdk/" + id, SEED_BODY.replace("nklaj", "renamed").replace("\"0\",\n    \"desc\"", "\"1\",\n    \"desc\""), "application/json"))
        .json().getJsonObject("sdkinfo");
    assertEquals("renamed", edited.getString("name"));
    JsonObject partly = ok(admin.put("/v1/admin/sdk/" + id, new JsonObject().put("version", "2.1.0").put("platform", 2)))
        .json().getJsonObject("sdkinfo");
    assertEquals("renamed", partly.getString("name"), "what an edit leaves out stays");
    assertEquals("2", partly.getString("platform"));
    assertEquals("2.1.0", partly.getString("version"));
  }

  @Test
  void theDetailListsTheSdksResourcesAsTheSeedShowsThem() {
    String sdkId = create(SEED_BODY.replace("nklaj", "baiweitest"));
    String guide = ok(admin.post("/v1/admin/doc", new JsonObject().put("name", "guide").put("url", "sdk/g.md").put("type", 3))).json().getString("docId");
    ContentFixtures.resource(admin, new JsonObject().put("name", "8b88.zip").put("sdkId", sdkId).put("type", "4").put("url", "8b88.zip"));
    ContentFixtures.resource(admin, new JsonObject().put("name", "test").put("sdkId", sdkId).put("type", "1").put("url", "file/html/test.html"));
    ContentFixtures.resource(admin, new JsonObject().put("name", "b65d").put("sdkId", sdkId).put("type", "2").put("docId", guide)
        .put("url", "sdk/" + sdkId + "/document/b65d.md"));
    ContentFixtures.resource(admin, new JsonObject().put("name", "ed16.zip").put("sdkId", sdkId).put("type", "3").put("url", "ed16.zip"));
    ContentFixtures.resource(admin, new JsonObject().put("name", "9a84.zip").put("sdkId", sdkId).put("type", "5").put("url", "9a84.zip"));
    ContentFixtures.resource(admin, new JsonObject().put("name", "unrelated").put("type", "1").put("url", "x.html"));

    Resp r = ok(admin.get("/v1/admin/sdk/" + sdkId));
    assertEquals("success", r.json().getString("message"), "the seed's sample says message");
    assertEquals("success", r.json().getString("msg"));
    assertEquals(5, r.json().getInteger("resourceTotal"));
    assertEquals("baiweitest", r.json().getJsonObject("sdkinfo").getString("name"));
    JsonArray list = r.json().getJsonArray("resourceList");
    assertEquals(List.of("8b88.zip", "test", "b65d", "ed16.zip", "9a84.zip"),
        list.stream().map(o -> ((JsonObject) o).getString("name")).collect(Collectors.toList()), "oldest first");
    JsonObject zip = list.getJsonObject(0);
    assertEquals(sdkId, zip.getString("sdkId"));
    assertEquals("4", zip.getString("type"));
    assertEquals("", zip.getString("docId"));
    assertEquals("", zip.getString("docType"));
    assertEquals(32, zip.getString("resourceId").length());
    assertNotNull(zip.getString("createDate"));
    JsonObject md = list.getJsonObject(2);
    assertEquals(guide, md.getString("docId"));
    assertEquals("3", md.getString("docType"));

    Resp onlyPackages = ok(admin.get("/v1/admin/sdk/" + sdkId + "?type=3"));
    assertEquals(1, onlyPackages.json().getInteger("resourceTotal"));
    Resp paged = ok(admin.get("/v1/admin/sdk/" + sdkId + "?pageNo=2&PageSize=2"));
    assertEquals(5, paged.json().getInteger("resourceTotal"));
    assertEquals("b65d", paged.json().getJsonArray("resourceList").getJsonObject(0).getString("name"));
    fails(admin.get("/v1/admin/sdk/" + sdkId + "?type=9"), 400, 4000, "type");
  }

  @Test
  void theListFiltersByTypeAndPages() {
    String tag = "list" + System.nanoTime();
    ContentFixtures.sdk(admin, tag + "-b", 1, 1);
    ContentFixtures.sdk(admin, tag + "-a", 1, 2);
    ContentFixtures.sdk(admin, tag + "-c", 0, 2);
    Resp natives = ok(admin.get("/v1/admin/sdk?type=2&orderBy=name:asc&pageSize=100"));
    List<String> names = natives.json().getJsonArray("sdkList").stream().map(o -> ((JsonObject) o).getString("name"))
        .filter(n -> n.startsWith(tag)).collect(Collectors.toList());
    assertEquals(List.of(tag + "-a", tag + "-c"), names);
    assertTrue(natives.json().getJsonArray("sdkList").stream().allMatch(o -> ((JsonObject) o).getString("type").equals("2")));
    Resp page = ok(admin.get("/v1/admin/sdk?pageNo=1&pageSize=1"));
    assertEquals(1, page.json().getJsonArray("sdkList").size());
    assertTrue(page.json().getInteger("totalCount") >= 3);
    fails(admin.get("/v1/admin/sdk?type=7"), 400, 4000, "type");
    fails(admin.get("/v1/admin/sdk?orderBy=provider:asc"), 400, 4000, "orderBy");
  }

  @Test
  void fieldsAreCheckedByName() {
    for (String field : List.of("name", "provider", "authority", "platform", "type")) {
      JsonObject body = new JsonObject(SEED_BODY);
      body.remove(field);
      fails(admin.post("/v1/admin/sdk", body), 400, 4000, field + " is required");
    }
    fails(admin.post("/v1/admin/sdk", new JsonObject(SEED_BODY).put("authority", "2")), 400, 4000, "authority must be");
    fails(admin.post("/v1/admin/sdk", new JsonObject(SEED_BODY).put("platform", 4)), 400, 4000, "platform must be");
    fails(admin.post("/v1/admin/sdk", new JsonObject(SEED_BODY).put("type", "light")), 400, 4000, "type must be an integer");
    fails(admin.post("/v1/admin/sdk", new JsonObject(SEED_BODY).put("desc", new JsonArray())), 400, 4000, "desc must be a string");
    String id = create(SEED_BODY);
    fails(admin.put("/v1/admin/sdk/" + id, new JsonObject().put("name", "")), 400, 4000, "name cannot be empty");
    fails(admin.get("/v1/admin/sdk/nope"), 404, 4004, "no SDK nope");
    fails(admin.put("/v1/admin/sdk/nope", new JsonObject().put("name", "x")), 404, 4004, "nope");
    fails(admin.delete("/v1/admin/sdk/nope"), 404, 4004, "nope");
  }

  @Test
  void onlyAnAdminManagesSdks() {
    Api dev = server.newDeveloper();
    String id = create(SEED_BODY);
    fails(dev.raw("POST", "/v1/admin/sdk", SEED_BODY, "application/json"), 403, 4003, "admin");
    fails(dev.get("/v1/admin/sdk/" + id), 403, 4003, "admin");
    fails(dev.get("/v1/admin/sdk"), 403, 4003, "admin");
    fails(dev.put("/v1/admin/sdk/" + id, new JsonObject().put("name", "x")), 403, 4003, "admin");
    fails(dev.delete("/v1/admin/sdk/" + id), 403, 4003, "admin");
    fails(server.anonymous().get("/v1/admin/sdk/" + id), 401, 4001, null);
  }

  @Test
  void anSdkStillUsedCannotBeDeleted() {
    String sdkId = ContentFixtures.sdk(admin, "busy", 1, 1);
    String docId = ContentFixtures.doc(admin, "d", "http://x/d.md");
    String categoryId = ContentFixtures.category(admin, "busy-cat", docId);
    String moduleId = ContentFixtures.lightModule(admin, "busy-module", categoryId, sdkId, docId);
    String resourceId = ContentFixtures.resource(admin, new JsonObject().put("name", "busy.zip").put("type", 3).put("sdkId", sdkId).put("url", "busy.zip"));
    String nodeId = ok(admin.post("/v1/admin/doc/tree", new JsonObject().put("name", "busy node").put("sdkId", sdkId))).json().getString("id");

    Resp refused = admin.delete("/v1/admin/sdk/" + sdkId);
    fails(refused, 409, 4007, "light modules (1: busy-module)");
    assertTrue(refused.msg().contains("resources (1: busy.zip)") && refused.msg().contains("tree nodes (1: busy node)"), refused.msg());

    ok(admin.delete("/v1/admin/sdk/lightmodule/" + moduleId));
    ok(admin.delete("/v1/admin/resource/" + resourceId));
    ok(admin.put("/v1/admin/doc/tree/" + nodeId, new JsonObject().put("sdkId", "")));
    ok(admin.delete("/v1/admin/sdk/" + sdkId));
    fails(admin.get("/v1/admin/sdk/" + sdkId), 404, 4004, sdkId);
  }
}

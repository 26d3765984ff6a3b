package dev.beacon.api.content;

import static dev.beacon.api.content.ContentFixtures.fails;
import static dev.beacon.api.content.ContentFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Resources: the seed's bodies, the type rules (3 needs an SDK, 2 a doc), the list, and the errors. */
class ResourceApiTest extends ContentApiTest {
  /** The seed's sample as written: a trailing comma makes it malformed JSON. */
  static final String SEED_CREATE = """
      {
          "name": "nklaj",
          "sdkId": "2141",
          "type": "3",
          "url": "jaijga",

      }""";

  static String sdkId;

  @BeforeAll
  static void fixtures() throws Exception {
    sdkId = ContentFixtures.sdk(admin, "kit", 1, 2);
  }

  /** The seed's sample with its trailing comma removed and a real SDK id. */
  private static String seedBody(String sdk) {
    return SEED_CREATE.replace("\"jaijga\",\n\n}", "\"jaijga\"\n}").replace("2141", sdk);
  }

  @Test
  void theSeedsSampleAddsAnSdkPackage() {
    fails(admin.raw("POST", "/v1/admin/resource", SEED_CREATE, "application/json"), 400, 4000, "malformed JSON");
    fails(admin.raw("POST", "/v1/admin/resource", seedBody("2141"), "application/json"), 404, 4004, "no SDK (sdkId) 2141");

    Resp r = ok(admin.raw("POST", "/v1/admin/resource", seedBody(sdkId), "application/json"));
    JsonObject result = r.json().getJsonObject("result");
    String id = result.getString("resourceId");
    assertEquals(id, r.json().getString("resourceId"));
    assertEquals("nklaj", result.getString("name"));
    assertEquals("3", result.getString("type"));
    assertEquals("jaijga", result.getString("url"));
    assertEquals(sdkId, result.getString("sdkId"));
    assertNotNull(result.getString("createDate"));

    Resp edited = ok(admin.raw("PUT", "/v1/admin/resource/" + id, "{\"name\": \"nklaj2\", \"type\": \"3\", \"url\": \"dasjfa\"}", "application/json"));
    assertEquals("dasjfa", edited.json().getJsonObject("result").getString("url"));
    assertNotNull(edited.json().getJsonObject("result").getString("updateDate"));
    JsonObject read = ok(admin.get("/v1/admin/resource/" + id)).json().getJsonObject("result");
    assertEquals("nklaj2", read.getString("name"));
    assertEquals(sdkId, read.getString("sdkId"), "kept when the edit leaves it out");

    ok(admin.delete("/v1/admin/resource/" + id));
    fails(admin.get("/v1/admin/resource/" + id), 404, 4004, id);
    fails(admin.delete("/v1/admin/resource/" + id), 404, 4004, id);
  }

  @Test
  void typeRulesHoldOnCreateAndEdit() {
    fails(admin.post("/v1/admin/resource", new JsonObject().put("name", "p").put("type", 3).put("url", "u")), 400, 4000, "sdkId is required");
    fails(admin.post("/v1/admin/resource", new JsonObject().put("name", "m").put("type", 2).put("url", "u")), 400, 4000, "docId is required");
    fails(admin.post("/v1/admin/resource", new JsonObject().put("name", "m").put("type", 2).put("docId", "nope").put("url", "u")),
        404, 4004, "no doc (docId) nope");
    fails(admin.post("/v1/admin/resource", new JsonObject().put("name", "x").put("type", 6).put("url", "u")), 400, 4000, "type must be");
    fails(admin.post("/v1/admin/resource", new JsonObject().put("name", "x").put("type", 1)), 400, 4000, "url is required");
    fails(admin.post("/v1/admin/resource", new JsonObject().put("type", 1).put("url", "u")), 400, 4000, "name is required");
    fails(admin.post("/v1/admin/resource", new JsonObject().put("name", "x").put("url", "u")), 400, 4000, "type is required");

    String id = ContentFixtures.resource(admin, new JsonObject().put("name", "pkg").put("type", 3).put("sdkId", sdkId).put("url", "p.zip"));
    fails(admin.put("/v1/admin/resource/" + id, new JsonObject().put("sdkId", "")), 400, 4000, "sdkId is required");
    fails(admin.put("/v1/admin/resource/" + id, new JsonObject().put("type", 2)), 400, 4000, "docId is required");
    ok(admin.put("/v1/admin/resource/" + id, new JsonObject().put("type", 4).put("sdkId", "")));
    JsonObject sample = ok(admin.get("/v1/admin/resource/" + id)).json().getJsonObject("result");
    assertEquals("4", sample.getString("type"));
    assertEquals("", sample.getString("sdkId"), "an SDK sample may stand alone");
    fails(admin.put("/v1/admin/resource/nope", new JsonObject().put("name", "x")), 404, 4004, "nope");
  }

  @Test
  void theListFiltersByTypeAndSdk() {
    String other = ContentFixtures.sdk(admin, "other", 1, 2);
    String doc = ContentFixtures.doc(admin, "faq", "http://x/faq.md");
    ContentFixtures.resource(admin, new JsonObject().put("name", "o-html").put("type", 1).put("sdkId", other).put("url", "o.html"));
    ContentFixtures.resource(admin, new JsonObject().put("name", "o-doc").put("type", 2).put("sdkId", other).put("docId", doc).put("url", "o.md"));
    ContentFixtures.resource(admin, new JsonObject().put("name", "o-pkg").put("type", 3).put("sdkId", other).put("url", "o.zip"));

    Resp all = ok(admin.get("/v1/admin/resource?sdkId=" + other + "&orderBy=name:asc"));
    assertEquals(3, all.json().getInteger("totalCount"));
    assertEquals(List.of("o-doc", "o-html", "o-pkg"),
        all.json().getJsonArray("resourceList").stream().map(o -> ((JsonObject) o).getString("name")).collect(Collectors.toList()));
    assertEquals("1", all.json().getJsonArray("resourceList").getJsonObject(0).getString("docType"));
    Resp docs = ok(admin.get("/v1/admin/resource?type=2&sdkId=" + other));
    assertEquals(1, docs.json().getInteger("totalCount"));
    assertTrue(ok(admin.get("/v1/admin/resource?type=2")).json().getInteger("totalCount") >= 1);
    fails(admin.get("/v1/admin/resource?type=0"), 400, 4000, "type");
  }

  @Test
  void onlyAnAdminManagesResources() {
    Api dev = server.newDeveloper();
    String id = ContentFixtures.resource(admin, new JsonObject().put("name", "h").put("type", 1).put("url", "h.html"));
    fails(dev.raw("POST", "/v1/admin/resource", seedBody(sdkId), "application/json"), 403, 4003, "admin");
    fails(dev.get("/v1/admin/resource/" + id), 403, 4003, "admin");
    fails(dev.put("/v1/admin/resource/" + id, new JsonObject().put("name", "x")), 403, 4003, "admin");
    fails(dev.delete("/v1/admin/resource/" + id), 403, 4003, "admin");
    fails(server.anonymous().get("/v1/admin/resource"), 401, 4001, null);
  }
}

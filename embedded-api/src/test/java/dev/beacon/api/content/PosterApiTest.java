package dev.beacon.api.content;

import static dev.beacon.api.content.ContentFixtures.fails;
import static dev.beacon.api.content.ContentFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Posters: the admin's writes outside /v1/admin, the public list in sequence order. */
class PosterApiTest {
  static final String SEED_CREATE = """
      {
          "url": "http://182.130.231.99:8080/pics/987020589_1080x570.jpg",
          "name": "紫背天葵",
          "sequence ": 1,
          "desc": "紫背天葵 "
      }""";
  /** The seed's edit sample as written: a trailing comma makes it malformed JSON. */
  static final String SEED_EDIT = """
      {
          "url": "http://182.130.231.99:8080/pics/987020589_1080x570.jpg",
          "sequence ": 12,
      }""";

  TestServer server;
  Api admin;

  @BeforeEach
  void up() throws Exception {
    server = TestServer.start();
    admin = server.admin();
  }

  @AfterEach
  void down() throws Exception {
    server.close();
  }

  private long add(String url, Integer sequence) {
    JsonObject body = new JsonObject().put("url", url);
    if (sequence != null) {
      body.put("sequence", sequence);
    }
    return ok(admin.post("/v1/poster", body)).json().getLong("posterid");
  }

  private List<String> urls(Resp list) {
    return list.json().getJsonArray("result").stream().map(o -> ((JsonObject) o).getString("url")).collect(Collectors.toList());
  }

  @Test
  void theSeedsSamplesAddEditAndListAPoster() {
    Resp created = ok(admin.raw("POST", "/v1/poster", SEED_CREATE, "application/json"));
    long id = created.json().getLong("posterid");

    Resp list = ok(server.anonymous().raw("GET", "/v1/poster?pagesize=10&pageno=1", null, "application/json"));
    assertEquals(1, list.json().getInteger("total"));
    JsonObject poster = list.json().getJsonArray("result").getJsonObject(0);
    assertEquals("http://182.130.231.99:8080/pics/987020589_1080x570.jpg", poster.getString("url"));
    assertEquals("紫背天葵", poster.getString("name"));
    assertEquals(1, poster.getInteger("sequence"));
    assertEquals("紫背天葵 ", poster.getString("desc"));
    assertEquals(id, poster.getLong("posterid"));
    assertEquals("", poster.getString("href"));

    fails(admin.raw("PUT", "/v1/poster", SEED_EDIT, "application/json"), 400, 4000, "malformed JSON");
    ok(admin.raw("PUT", "/v1/poster", SEED_EDIT.replace("12,", "12"), "application/json"));
    JsonObject edited = ok(server.anonymous().get("/v1/poster")).json().getJsonArray("result").getJsonObject(0);
    assertEquals(12, edited.getInteger("sequence"), "found by its url");
    assertEquals("紫背天葵", edited.getString("name"), "what the edit leaves out stays");

    ok(admin.delete("/v1/poster/" + id));
    assertEquals(0, ok(server.anonymous().get("/v1/poster")).json().getInteger("total"));
    fails(admin.delete("/v1/poster/" + id), 404, 4004, "no poster " + id);
  }

  @Test
  void theListFollowsSequenceAndPages() {
    add("http://p/c.jpg", 3);
    add("http://p/a.jpg", 1);
    add("http://p/b.jpg", 2);
    long last = add("http://p/d.jpg", null);
    Resp all = ok(server.anonymous().get("/v1/poster"));
    assertEquals(List.of("http://p/a.jpg", "http://p/b.jpg", "http://p/c.jpg", "http://p/d.jpg"), urls(all));
    assertEquals(4, all.json().getJsonArray("result").getJsonObject(3).getInteger("sequence"), "without a sequence a poster goes last");
    Resp page = ok(server.anonymous().get("/v1/poster?pageNo=2&pageSize=3"));
    assertEquals(4, page.json().getInteger("total"));
    assertEquals(List.of("http://p/d.jpg"), urls(page));

    ok(admin.put("/v1/poster/" + last, new JsonObject().put("sequence", 0).put("href", "http://shop/d")));
    assertEquals("http://p/d.jpg", urls(ok(server.anonymous().get("/v1/poster"))).get(0));
    fails(server.anonymous().get("/v1/poster?pageSize=0"), 400, 4000, "pageSize");
  }

  @Test
  void editsFindThePosterByIdInTheBodyOrPathElseByUrl() {
    long a = add("http://p/same.jpg", 1);
    long b = add("http://p/same.jpg", 2);
    fails(admin.put("/v1/poster", new JsonObject().put("url", "http://p/same.jpg").put("name", "x")), 409, 4007, "say which one with posterid");
    JsonObject byBody = ok(admin.put("/v1/poster", new JsonObject().put("posterid", String.valueOf(b)).put("url", "http://p/new.jpg")))
        .json().getJsonObject("poster");
    assertEquals("http://p/new.jpg", byBody.getString("url"), "with posterid the url may change");
    ok(admin.put("/v1/poster", new JsonObject().put("url", "http://p/same.jpg").put("name", "only one now")));
    JsonObject byPath = ok(admin.put("/v1/poster/" + a, new JsonObject().put("desc", "d"))).json().getJsonObject("poster");
    assertEquals("only one now", byPath.getString("name"));
    assertEquals("d", byPath.getString("desc"));

    fails(admin.put("/v1/poster", new JsonObject().put("name", "which?")), 400, 4000, "posterid or url");
    fails(admin.put("/v1/poster", new JsonObject().put("url", "http://p/none.jpg").put("name", "x")), 404, 4004, "no poster with url");
    fails(admin.put("/v1/poster", new JsonObject().put("posterid", 999).put("name", "x")), 404, 4004, "no poster 999");
    fails(admin.put("/v1/poster/abc", new JsonObject().put("name", "x")), 400, 4000, "posterid must be a positive integer");
    fails(admin.delete("/v1/poster/-1"), 400, 4000, "posterid");
    fails(admin.put("/v1/poster/" + a, new JsonObject().put("sequence", "first")), 400, 4000, "sequence must be an integer");
  }

  @Test
  void addingNeedsAUrlAndAnAdmin() {
    fails(admin.post("/v1/poster", new JsonObject().put("name", "no url")), 400, 4000, "url is required");
    fails(admin.post("/v1/poster", new JsonObject().put("url", "u").put("sequence", 1.5)), 400, 4000, "sequence");
    fails(admin.post("/v1/poster", new JsonObject().put("url", 5).put("name", List.of())), 400, 4000, "name must be a string");
    long id = add("http://p/kept.jpg", 1);

    Api dev = server.newDeveloper();
    fails(dev.raw("POST", "/v1/poster", SEED_CREATE, "application/json"), 403, 4003, "admin");
    fails(dev.put("/v1/poster", new JsonObject().put("posterid", id).put("name", "x")), 403, 4003, "admin");
    fails(dev.put("/v1/poster/" + id, new JsonObject().put("name", "x")), 403, 4003, "admin");
    fails(dev.delete("/v1/poster/" + id), 403, 4003, "admin");
    fails(server.anonymous().raw("POST", "/v1/poster", SEED_CREATE, "application/json"), 401, 4001, null);
    fails(server.anonymous().delete("/v1/poster/" + id), 401, 4001, null);
    Resp list = ok(dev.get("/v1/poster"));
    assertEquals(1, list.json().getInteger("total"));
    assertTrue(urls(list).contains("http://p/kept.jpg"));
  }
}

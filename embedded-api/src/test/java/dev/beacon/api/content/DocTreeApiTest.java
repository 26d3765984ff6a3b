package dev.beacon.api.content;

import static dev.beacon.api.content.ContentFixtures.fails;
import static dev.beacon.api.content.ContentFixtures.node;
import static dev.beacon.api.content.ContentFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The doc tree: building it, its flat answer, order, moves, cycles, deletes, and internal material. */
class DocTreeApiTest extends ContentApiTest {

  /** The tree as {@code api} sees it, keeping only the given nodes, in the answer's order. */
  private static Map<String, JsonObject> tree(Api api, String query, Set<String> ids) {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    ok(api.get("/v1/doc/tree" + query)).json().getJsonArray("tree").forEach(o -> {
      JsonObject n = (JsonObject) o;
      if (ids.contains(n.getString("id"))) {
        out.put(n.getString("id"), n);
      }
    });
    return out;
  }

  private static Map<String, JsonObject> tree(Api api, Set<String> ids) {
    return tree(api, "", ids);
  }

  @Test
  void theSeedsSampleTreeComesBackFlatDepthFirst() {
    String capp = ok(admin.post("/v1/admin/doc", new JsonObject().put("name", "如何创建应用").put("url", "http://domain/md/capp.md").put("type", 1)))
        .json().getString("docId");
    String grid = ok(admin.post("/v1/admin/doc", new JsonObject().put("name", "grid").put("url", "http://domain/md/grid.md").put("type", 2)))
        .json().getString("docId");
    String topmobi = node(admin, null, "topmobi", null);
    String create = node(admin, topmobi, "如何创建应用", capp);
    String ui = ok(admin.post("/v1/admin/doc/tree", new JsonObject().put("pid", "0").put("name", "轻应用UI控件"))).json().getString("id");
    String lists = node(admin, ui, "列表展示", null);
    String gridNode = node(admin, lists, "grid", grid);

    Resp r = ok(server.anonymous().raw("GET", "/v1/doc/tree", null, "application/json"));
    assertEquals(1000, r.code());
    Map<String, JsonObject> t = tree(server.anonymous(), Set.of(topmobi, create, ui, lists, gridNode));
    assertEquals(List.of(topmobi, create, ui, lists, gridNode), List.copyOf(t.keySet()));
    JsonObject root = t.get(topmobi);
    assertEquals("0", root.getString("pid"));
    assertEquals("topmobi", root.getString("name"));
    assertEquals("", root.getString("url"));
    assertEquals(0, root.getInteger("type"));
    assertEquals(topmobi, t.get(create).getString("pid"));
    assertEquals("http://domain/md/capp.md", t.get(create).getString("url"));
    assertEquals(1, t.get(create).getInteger("type"));
    assertEquals("0", t.get(ui).getString("pid"));
    assertEquals(lists, t.get(gridNode).getString("pid"));
    assertEquals("http://domain/md/grid.md", t.get(gridNode).getString("url"));
    assertEquals(2, t.get(gridNode).getInteger("type"));
  }

  @Test
  void siblingsKeepTheOrderTheAdminGives() {
    String parent = node(admin, null, "ordered", null);
    String a = node(admin, parent, "a", null);
    String b = node(admin, parent, "b", null);
    String c = node(admin, parent, "c", null);
    String d = ok(admin.post("/v1/admin/doc/tree", new JsonObject().put("pid", parent).put("name", "d").put("order", 0))).json().getString("id");
    Set<String> ids = Set.of(a, b, c, d);
    assertEquals(List.of(d, a, b, c), List.copyOf(tree(admin, ids).keySet()));

    JsonObject moved = ok(admin.put("/v1/admin/doc/tree/" + c, new JsonObject().put("order", 1))).json().getJsonObject("node");
    assertEquals(1, moved.getInteger("order"));
    Map<String, JsonObject> t = tree(admin, ids);
    assertEquals(List.of(d, c, a, b), List.copyOf(t.keySet()));
    assertEquals(List.of(0, 1, 2, 3), t.values().stream().map(n -> n.getInteger("order")).toList());

    ok(admin.put("/v1/admin/doc/tree/" + d, new JsonObject().put("order", 99)));
    assertEquals(List.of(c, a, b, d), List.copyOf(tree(admin, ids).keySet()), "past the end means last");
    ok(admin.delete("/v1/admin/doc/tree/" + a));
    Map<String, JsonObject> after = tree(admin, ids);
    assertEquals(List.of(c, b, d), List.copyOf(after.keySet()));
    assertEquals(List.of(0, 1, 2), after.values().stream().map(n -> n.getInteger("order")).toList(), "renumbered after a delete");
  }

  @Test
  void movingUnderItselfOrADescendantIsRefused() {
    String a = node(admin, null, "A", null);
    String b = node(admin, a, "B", null);
    String c = node(admin, b, "C", null);
    fails(admin.put("/v1/admin/doc/tree/" + a, new JsonObject().put("pid", c)), 409, 4007, "its own descendant 'C'");
    fails(admin.put("/v1/admin/doc/tree/" + a, new JsonObject().put("pid", a)), 409, 4007, "under itself");
    fails(admin.put("/v1/admin/doc/tree/" + b, new JsonObject().put("pid", "no-such-node")), 404, 4004, "pid");
    assertEquals(a, tree(admin, Set.of(b)).get(b).getString("pid"), "a refused move changes nothing");

    JsonObject moved = ok(admin.put("/v1/admin/doc/tree/" + c, new JsonObject().put("pid", "0").put("name", "C at the top")))
        .json().getJsonObject("node");
    assertEquals("0", moved.getString("pid"));
    assertEquals("C at the top", moved.getString("name"));
    ok(admin.put("/v1/admin/doc/tree/" + a, new JsonObject().put("pid", c)));
    Map<String, JsonObject> t = tree(admin, Set.of(a, b, c));
    assertEquals(List.of(c, a, b), List.copyOf(t.keySet()));
    assertEquals(c, t.get(a).getString("pid"));
  }

  @Test
  void deletingANodeWithChildrenNeedsCascade() {
    String top = node(admin, null, "top", null);
    String mid = node(admin, top, "mid", null);
    String leaf = node(admin, mid, "leaf", null);
    fails(admin.delete("/v1/admin/doc/tree/" + top), 409, 4007, "1 child node(s) (mid)");
    fails(admin.delete("/v1/admin/doc/tree/" + top + "?cascade=maybe"), 400, 4000, "cascade");
    assertEquals(3, tree(admin, Set.of(top, mid, leaf)).size());
    assertEquals(3, ok(admin.delete("/v1/admin/doc/tree/" + top + "?cascade=true")).json().getInteger("deleted"));
    assertTrue(tree(admin, Set.of(top, mid, leaf)).isEmpty());
    fails(admin.delete("/v1/admin/doc/tree/" + top), 404, 4004, top);
  }

  @Test
  void nodeFieldsAreChecked() {
    fails(admin.post("/v1/admin/doc/tree", new JsonObject().put("pid", "0")), 400, 4000, "name is required");
    fails(admin.post("/v1/admin/doc/tree", new JsonObject().put("name", "x").put("docId", "nope")), 404, 4004, "doc (docId) nope");
    fails(admin.post("/v1/admin/doc/tree", new JsonObject().put("name", "x").put("sdkId", "nope")), 404, 4004, "SDK (sdkId) nope");
    fails(admin.post("/v1/admin/doc/tree", new JsonObject().put("name", "x").put("order", -1)), 400, 4000, "order");
    fails(admin.post("/v1/admin/doc/tree", new JsonObject().put("name", "x").put("internal", "yes")), 400, 4000, "internal");
    fails(admin.post("/v1/admin/doc/tree", new JsonObject().put("name", "x").put("pid", "nope")), 404, 4004, "pid");
    fails(admin.put("/v1/admin/doc/tree/nope", new JsonObject().put("name", "x")), 404, 4004, "no tree node nope");

    String docId = ContentFixtures.doc(admin, "for node", "http://x/n.md");
    String id = node(admin, null, "with doc", docId);
    JsonObject cleared = ok(admin.put("/v1/admin/doc/tree/" + id, new JsonObject().put("docId", ""))).json().getJsonObject("node");
    assertEquals("", cleared.getString("docId"));
    assertEquals(0, cleared.getInteger("type"));

    Api dev = server.newDeveloper();
    fails(dev.post("/v1/admin/doc/tree", new JsonObject().put("name", "x")), 403, 4003, "admin");
    fails(dev.put("/v1/admin/doc/tree/" + id, new JsonObject().put("name", "x")), 403, 4003, "admin");
    fails(dev.delete("/v1/admin/doc/tree/" + id), 403, 4003, "admin");
    fails(server.anonymous().delete("/v1/admin/doc/tree/" + id), 401, 4001, null);
  }

  @Test
  void aNodeFlaggedInternalIsHiddenWithItsSubtreeFromOutsiders() {
    String docId = ContentFixtures.doc(admin, "secret guide", "http://x/secret.md");
    String pub = node(admin, null, "public", null);
    String inner = ok(admin.post("/v1/admin/doc/tree", new JsonObject().put("pid", pub).put("name", "internal").put("internal", true)))
        .json().getString("id");
    String deep = node(admin, inner, "deep", docId);
    Set<String> ids = Set.of(pub, inner, deep);

    assertEquals(List.of(pub), List.copyOf(tree(server.anonymous(), ids).keySet()));
    fails(server.anonymous().get("/v1/doc/" + docId), 404, 4004, docId);

    Map<String, JsonObject> asAdmin = tree(admin, ids);
    assertEquals(List.of(pub, inner, deep), List.copyOf(asAdmin.keySet()));
    assertFalse(asAdmin.get(pub).getBoolean("internalOnly"));
    assertTrue(asAdmin.get(inner).getBoolean("internal"));
    assertFalse(asAdmin.get(deep).getBoolean("internal"));
    assertTrue(asAdmin.get(deep).getBoolean("internalOnly"), "hidden through its parent");

    Api outsider = server.newDeveloper();
    Api insider = server.newDeveloper();
    ContentFixtures.setInternal(admin, insider.openId, true);
    assertEquals(List.of(pub), List.copyOf(tree(outsider, "?openId=" + outsider.openId, ids).keySet()));
    assertEquals(List.of(pub, inner, deep), List.copyOf(tree(insider, "?openId=" + insider.openId, ids).keySet()));
    assertEquals(3, tree(insider, ids).size(), "the headers alone are enough");
    assertEquals("secret guide", ok(insider.get("/v1/doc/" + docId)).json().getJsonObject("doc").getString("name"));
    assertEquals(List.of(pub), List.copyOf(tree(server.anonymous(), "?openId=" + insider.openId, ids).keySet()),
        "an openId without its token proves nothing");
    fails(insider.get("/v1/doc/tree?openId=" + outsider.openId), 403, 4003, "openId");
    fails(insider.as(insider.openId, "forged").get("/v1/doc/tree"), 401, 4001, null);

    ContentFixtures.setInternal(admin, insider.openId, false);
    assertEquals(List.of(pub), List.copyOf(tree(insider, ids).keySet()), "the flag is read on every request");

    ok(admin.put("/v1/admin/doc/tree/" + inner, new JsonObject().put("internal", false)));
    assertEquals(3, tree(server.anonymous(), ids).size());
    assertEquals("secret guide", ok(server.anonymous().get("/v1/doc/" + docId)).json().getJsonObject("doc").getString("name"));
  }

  @Test
  void materialOfAnInternalSdkIsHidden() {
    String sdkId = ContentFixtures.sdk(admin, "internal kit", 0, 2);
    String docId = ContentFixtures.doc(admin, "kit manual", "http://x/kit.md");
    ContentFixtures.resource(admin, new JsonObject().put("name", "manual").put("type", "2").put("sdkId", sdkId).put("docId", docId).put("url", "kit.md"));
    String bySdk = ok(admin.post("/v1/admin/doc/tree", new JsonObject().put("name", "kit").put("sdkId", sdkId))).json().getString("id");
    String under = node(admin, bySdk, "kit intro", null);
    String byDoc = node(admin, null, "manual elsewhere", docId);
    String plain = node(admin, null, "plain", null);
    Set<String> ids = Set.of(bySdk, under, byDoc, plain);

    assertEquals(List.of(plain), List.copyOf(tree(server.anonymous(), ids).keySet()));
    fails(server.anonymous().get("/v1/doc/" + docId), 404, 4004, docId);
    Api insider = server.newDeveloper();
    ContentFixtures.setInternal(admin, insider.openId, true);
    assertEquals(4, tree(insider, ids).size());
    ok(insider.get("/v1/doc/" + docId));

    ok(admin.put("/v1/admin/sdk/" + sdkId, new JsonObject().put("authority", "1")));
    assertEquals(4, tree(server.anonymous(), ids).size(), "an SDK made public shows its material");
    ok(server.anonymous().get("/v1/doc/" + docId));
  }

  @Test
  void adminsSetTheInternalFlagOfDevelopers() {
    Api dev = server.newDeveloper();
    JsonObject before = ok(admin.get("/v1/admin/developer/" + dev.openId)).json().getJsonObject("developer");
    assertFalse(before.getBoolean("internal"));
    assertEquals(dev.openId, before.getString("openId"));
    JsonObject after = ok(admin.raw("PUT", "/v1/admin/developer/" + dev.openId, "{\"internal \":true}", "application/json"))
        .json().getJsonObject("developer");
    assertTrue(after.getBoolean("internal"));
    assertTrue(ok(admin.get("/v1/admin/developer/" + dev.openId)).json().getJsonObject("developer").getBoolean("internal"));

    fails(admin.put("/v1/admin/developer/" + dev.openId, new JsonObject()), 400, 4000, "internal is required");
    fails(admin.put("/v1/admin/developer/" + dev.openId, new JsonObject().put("internal", "maybe")), 400, 4000, "internal");
    fails(admin.put("/v1/admin/developer/nobody", new JsonObject().put("internal", true)), 404, 4004, "nobody");
    fails(dev.put("/v1/admin/developer/" + dev.openId, new JsonObject().put("internal", true)), 403, 4003, "admin");
    fails(dev.get("/v1/admin/developer/" + dev.openId), 403, 4003, "admin");
  }
}

package dev.beacon.api.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import io.vertx.core.json.JsonObject;

/** Creating content through the admin API for tests; each helper asserts that the call worked. */
public final class ContentFixtures {
  private ContentFixtures() {}

  public static Resp ok(Resp r) {
    assertEquals(200, r.status(), r::toString);
    assertEquals(1000, r.code(), r::toString);
    return r;
  }

  /** A doc of type 1 at {@code url}; answers its id. */
  public static String doc(Api admin, String name, String url) {
    return ok(admin.post("/v1/admin/doc", new JsonObject().put("name", name).put("url", url).put("type", 1)))
        .json().getString("docId");
  }

  /** A doc with inline markdown; answers its id. */
  public static String markdownDoc(Api admin, String name, String markdown) {
    return ok(admin.post("/v1/admin/doc", new JsonObject().put("name", name).put("content", markdown).put("type", 7)))
        .json().getString("docId");
  }

  /** An SDK; {@code authority} 0 internal, 1 everyone; {@code type} 1 light app, 2 native. Answers its id. */
  public static String sdk(Api admin, String name, int authority, int type) {
    return ok(admin.post("/v1/admin/sdk", new JsonObject().put("name", name).put("provider", "Beacon")
        .put("authority", String.valueOf(authority)).put("platform", "3").put("type", String.valueOf(type))
        .put("version", "1.0.0")))
        .json().getString("sdkId");
  }

  public static String resource(Api admin, JsonObject body) {
    return ok(admin.post("/v1/admin/resource", body)).json().getString("resourceId");
  }

  public static String category(Api admin, String name, String docId) {
    return ok(admin.post("/v1/admin/sdk/lightmodule/category", new JsonObject().put("name", name).put("docId", docId)))
        .json().getString("moduleCategoryId");
  }

  public static String lightModule(Api admin, String name, String categoryId, String sdkId, String docId) {
    return ok(admin.post("/v1/admin/sdk/lightmodule", new JsonObject().put("name", name).put("moduleCategoryId", categoryId)
        .put("sdkId", sdkId).put("picUrl", "http://pics/" + name + ".png").put("docId", docId)))
        .json().getString("lightModuleId");
  }

  /** A tree node; {@code pid} null for a root. Answers its id. */
  public static String node(Api admin, String pid, String name, String docId) {
    JsonObject body = new JsonObject().put("name", name);
    if (pid != null) {
      body.put("pid", pid);
    }
    if (docId != null) {
      body.put("docId", docId);
    }
    return ok(admin.post("/v1/admin/doc/tree", body)).json().getString("id");
  }

  /** Flags a developer internal (or not) through the admin API. */
  public static void setInternal(Api admin, String openId, boolean internal) {
    ok(admin.put("/v1/admin/developer/" + openId, new JsonObject().put("internal", internal)));
  }

  /** Asserts a failure's HTTP status and Beacon code, and that its message mentions {@code part}. */
  public static void fails(Resp r, int status, int code, String part) {
    assertEquals(status, r.status(), r::toString);
    assertEquals(code, r.code(), r::toString);
    if (part != null && !r.msg().contains(part)) {
      throw new AssertionError("message '" + r.msg() + "' does not mention '" + part + "'");
    }
  }
}

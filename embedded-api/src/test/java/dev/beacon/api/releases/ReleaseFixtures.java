package dev.beacon.api.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import io.vertx.core.json.JsonObject;

/** Apps and versions made over HTTP for the release tests. */
final class ReleaseFixtures {
  private ReleaseFixtures() {}

  /** Creates an app and returns it as the server answered ({@code appId}, {@code appKey} ...). */
  static JsonObject app(Api dev, String name) {
    Resp r = dev.post("/v1/user/" + dev.openId + "/app", new JsonObject().put("name", name).put("platform", 3));
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonObject("app");
  }

  static String versions(Api dev, String appId) {
    return "/v1/user/" + dev.openId + "/app/" + appId + "/version";
  }

  /** The required fields of a new version. */
  static JsonObject body(String name, int code) {
    return new JsonObject().put("name", name).put("code", code)
        .put("url", "https://dl.example.com/app-" + name + ".zip").put("md5", "md5-of-" + name);
  }

  /** Creates a version and returns its id. */
  static String version(Api dev, String appId, JsonObject body) {
    Resp r = dev.post(versions(dev, appId), body);
    assertEquals(1000, r.code(), r::toString);
    return r.json().getString("versionId");
  }

  /** Creates a version and releases it; returns its id. */
  static String released(Api dev, String appId, JsonObject body) {
    String id = version(dev, appId, body);
    release(dev, appId, id);
    return id;
  }

  static void release(Api dev, String appId, String versionId) {
    Resp r = dev.post(versions(dev, appId) + "/" + versionId + "/action", new JsonObject().putNull("release"));
    assertEquals(1000, r.code(), r::toString);
  }

  static void disable(Api dev, String appId, String versionId) {
    Resp r = dev.post(versions(dev, appId) + "/" + versionId + "/action", new JsonObject().putNull("disable"));
    assertEquals(1000, r.code(), r::toString);
  }
}

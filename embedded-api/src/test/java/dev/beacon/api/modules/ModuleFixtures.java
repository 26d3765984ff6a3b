package dev.beacon.api.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import io.vertx.core.json.JsonObject;

/** Apps, modules and module versions made over HTTP for the module tests. */
final class ModuleFixtures {
  private ModuleFixtures() {}

  /** Creates an app and returns it as the server answered ({@code appId}, {@code appKey} ...). */
  static JsonObject app(Api dev, String name) {
    Resp r = dev.post("/v1/user/" + dev.openId + "/app", new JsonObject().put("name", name).put("platform", 1));
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonObject("app");
  }

  static String modules(Api dev, String appId) {
    return "/v1/user/" + dev.openId + "/app/" + appId + "/module";
  }

  static String versions(Api dev, String appId, String moduleId) {
    return modules(dev, appId) + "/" + moduleId + "/version";
  }

  /** Creates a module and returns its id. */
  static String module(Api dev, String appId, String name) {
    Resp r = dev.post(modules(dev, appId), new JsonObject().put("name", name));
    assertEquals(1000, r.code(), r::toString);
    return r.json().getString("moduleId");
  }

  /** The fields of a new module version, with a package (url and md5). */
  static JsonObject body(String name, int code) {
    return new JsonObject().put("name", name).put("code", code)
        .put("url", "https://dl.example.com/" + name + ".zip").put("md5", "md5-of-" + name);
  }

  /** Creates a module version and returns its id. */
  static String version(Api dev, String appId, String moduleId, JsonObject body) {
    Resp r = dev.post(versions(dev, appId, moduleId), body);
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonObject("version").getString("versionId");
  }

  /** Creates a module version and releases it; returns its id. */
  static String released(Api dev, String appId, String moduleId, JsonObject body) {
    String id = version(dev, appId, moduleId, body);
    action(dev, appId, moduleId, id, "release");
    return id;
  }

  /** {@code PUT .../action {"release":null}} or {@code {"disable":null}}, asserting success. */
  static void action(Api dev, String appId, String moduleId, String versionId, String what) {
    Resp r = dev.put(versions(dev, appId, moduleId) + "/" + versionId + "/action", new JsonObject().putNull(what));
    assertEquals(1000, r.code(), r::toString);
  }
}

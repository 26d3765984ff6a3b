package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/** A module of an app: a part released with versions of its own. */
public record Module(String moduleId, String name, String desc) {
  /** From the API's module object. */
  public static Module from(JsonObject j) {
    return new Module(Json.textOrNull(j, "moduleId"), Json.text(j, "name"), Json.text(j, "desc"));
  }
}

package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/** A light module: in a category, built on a light-app SDK, with pictures ({@code pictures}, comma-separated urls) and a doc. */
public record LightModule(String lightModuleId, String name, String moduleCategoryId, String moduleCategoryName,
    String sdkId, String sdkName, String pictures, String docId, String desc, String updated) {
  static LightModule of(JsonObject j) {
    return new LightModule(Json.text(j, "lightModuleId"), Json.text(j, "name"), Json.text(j, "moduleCategoryId"),
        Json.text(j, "moduleCategoryName"), Json.text(j, "sdkId"), Json.text(j, "sdkName"), Json.text(j, "pic"),
        Json.text(j, "docId"), Json.text(j, "desc"), Json.text(j, "updateDate"));
  }
}

package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/** A category of light modules: {@code type} 1 ordinary, 2 featured; it points at a doc. */
public record LightModuleCategory(String moduleCategoryId, String name, String docId, String type, String updated) {
  static LightModuleCategory of(JsonObject j) {
    return new LightModuleCategory(Json.text(j, "moduleCategoryId"), Json.text(j, "name"), Json.text(j, "docId"),
        Json.text(j, "type"), Json.text(j, "updateDate"));
  }

  public String kindText() {
    return "2".equals(type) ? "featured" : "ordinary";
  }
}

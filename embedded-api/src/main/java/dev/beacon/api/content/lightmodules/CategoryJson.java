package dev.beacon.api.content.lightmodules;

import dev.beacon.api.core.Dates;
import io.vertx.core.json.JsonObject;

/** A light-module category as the seed's {@code moduleCategoryList} shows it, with its doc and type. */
final class CategoryJson {
  private CategoryJson() {}

  static JsonObject of(LightModuleCategory c) {
    return new JsonObject()
        .put("moduleCategoryId", c.categoryId)
        .put("name", c.name)
        .put("docId", c.docId)
        .put("type", String.valueOf(c.type))
        .put("createDate", Dates.format(c.createdAt))
        .put("updateDate", Dates.format(c.updatedAt));
  }
}

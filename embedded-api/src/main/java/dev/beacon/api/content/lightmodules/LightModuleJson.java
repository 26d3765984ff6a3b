package dev.beacon.api.content.lightmodules;

import dev.beacon.api.content.Text;
import dev.beacon.api.content.docs.Doc;
import dev.beacon.api.content.sdks.Sdk;
import dev.beacon.api.core.Dates;
import io.vertx.core.json.JsonObject;

/** Light modules as the seed's list ({@code dataList}) and detail ({@code data}) show them. */
final class LightModuleJson {
  private LightModuleJson() {}

  static JsonObject listItem(LightModule m, String sdkName, String categoryName) {
    return common(m).put("sdkName", sdkName).put("moduleCategoryName", categoryName);
  }

  static JsonObject detail(LightModule m, Sdk k, LightModuleCategory c, Doc d) {
    return common(m)
        .put("sdkName", k.name)
        .put("sdkVersion", Text.orEmpty(k.version))
        .put("sdkUpdateDate", Dates.format(k.updatedAt))
        .put("docUrl", d.effectiveUrl())
        .put("moduleCategoryName", c.name);
  }

  private static JsonObject common(LightModule m) {
    return new JsonObject()
        .put("lightModuleId", m.lightModuleId)
        .put("name", m.name)
        .put("pic", m.picUrl)
        .put("desc", Text.orEmpty(m.desc))
        .put("type", String.valueOf(m.type))
        .put("moduleCategoryId", m.categoryId)
        .put("sdkId", m.sdkId)
        .put("docId", m.docId)
        .put("createDate", Dates.format(m.createdAt))
        .put("updateDate", Dates.format(m.updatedAt));
  }
}

package dev.beacon.api.modules;

import dev.beacon.api.core.Dates;
import dev.beacon.api.releases.VersionDetails;
import dev.beacon.api.releases.VersionJson;
import io.vertx.core.json.JsonObject;

/** Modules and module versions as the seed shows them. */
final class ModuleJson {
  private ModuleJson() {}

  static JsonObject of(AppModule m) {
    return new JsonObject()
        .put("moduleId", m.moduleId)
        .put("appId", m.appId)
        .put("name", m.name)
        .put("desc", m.desc)
        .put("icon", m.icon)
        .put("createDate", Dates.format(m.createdAt))
        .put("updateDate", Dates.format(m.updatedAt));
  }

  static JsonObject of(ModuleVersion v, VersionDetails d) {
    return VersionJson.common(v, d)
        .put("moduleId", v.moduleId)
        .put("active", v.active());
  }
}

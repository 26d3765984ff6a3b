package dev.beacon.api.releases;

import dev.beacon.api.core.Dates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Versions as the seed shows them, in lists and details alike. */
final class VersionJson {
  private VersionJson() {}

  static JsonObject of(AppVersion v) {
    List<String> platforms = Platforms.list(v.platforms);
    return new JsonObject()
        .put("appVersionId", v.versionId)
        .put("versionId", v.versionId)
        .put("name", v.name)
        .put("code", v.code)
        .put("url", v.url)
        .put("md5", v.md5)
        .put("desc", v.desc)
        .put("deviceIds", v.deviceIds)
        .put("active", v.active())
        .put("forceUpdate", v.forceUpdate)
        .put("platforms", platforms == null ? null : new JsonArray(platforms))
        .put("createDate", Dates.format(v.createdAt))
        .put("updateDate", Dates.format(v.updatedAt))
        .put("releaseDate", Dates.format(v.releasedAt));
  }
}

package dev.beacon.api.content.sdks;

import dev.beacon.api.content.Text;
import dev.beacon.api.core.Dates;
import io.vertx.core.json.JsonObject;

/** SDKs as the seed shows them. */
final class SdkJson {
  private SdkJson() {}

  /**
   * The seed's {@code sdkinfo}: lower-case {@code sdkid}, {@code createdate}, {@code updatedate}
   * as its samples write them (the camel-case spellings of its tables are sent too) and the
   * numeric fields as strings.
   */
  static JsonObject info(Sdk k) {
    return new JsonObject()
        .put("sdkid", k.sdkId)
        .put("sdkId", k.sdkId)
        .put("name", k.name)
        .put("provider", k.provider)
        .put("authority", String.valueOf(k.authority))
        .put("desc", Text.orEmpty(k.desc))
        .put("platform", String.valueOf(k.platform))
        .put("type", String.valueOf(k.type))
        .put("version", Text.orEmpty(k.version))
        .put("createdate", Dates.format(k.createdAt))
        .put("updatedate", Dates.format(k.updatedAt))
        .put("createDate", Dates.format(k.createdAt))
        .put("updateDate", Dates.format(k.updatedAt));
  }
}

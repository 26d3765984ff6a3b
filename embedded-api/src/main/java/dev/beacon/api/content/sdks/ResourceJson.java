package dev.beacon.api.content.sdks;

import dev.beacon.api.content.Text;
import dev.beacon.api.core.Dates;
import io.vertx.core.json.JsonObject;

/** Resources as the seed's {@code resourceList} shows them: numbers as strings, "" for what is absent. */
final class ResourceJson {
  private ResourceJson() {}

  /** @param docType the type of the resource's doc, or {@code null} without one */
  static JsonObject of(SdkResource r, Integer docType) {
    return new JsonObject()
        .put("resourceId", r.resourceId)
        .put("name", r.name)
        .put("sdkId", Text.orEmpty(r.sdkId))
        .put("type", String.valueOf(r.type))
        .put("docId", Text.orEmpty(r.docId))
        .put("url", r.url)
        .put("createDate", Dates.format(r.createdAt))
        .put("updateDate", Dates.format(r.updatedAt))
        .put("docType", docType == null ? "" : String.valueOf(docType));
  }
}

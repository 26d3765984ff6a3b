package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/** A download or page of an SDK: {@code type} 1 html page, 2 markdown doc, 3 SDK package, 4 SDK sample, 5 doc package. */
public record SdkResource(String resourceId, String name, String type, String url, String docId, String sdkId, String updated) {
  static SdkResource of(JsonObject j) {
    return new SdkResource(Json.text(j, "resourceId"), Json.text(j, "name"), Json.text(j, "type"), Json.text(j, "url"),
        Json.text(j, "docId"), Json.text(j, "sdkId"), Json.text(j, "updateDate"));
  }

  public String typeText() {
    return switch (type) {
      case "1" -> "html page";
      case "2" -> "markdown doc";
      case "3" -> "SDK package";
      case "4" -> "SDK sample";
      case "5" -> "doc package";
      default -> type;
    };
  }
}

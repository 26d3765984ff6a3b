package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/** An SDK of the content admin: {@code type} 1 light app, 2 native SDK; {@code authority} 0 internal only, 1 everyone; {@code platform} 1 Android, 2 iOS, 3 all. */
public record Sdk(String sdkId, String name, String provider, String type, String authority, String platform,
    String version, String desc, String updated) {
  static Sdk of(JsonObject j) {
    return new Sdk(Json.text(j, "sdkId"), Json.text(j, "name"), Json.text(j, "provider"), Json.text(j, "type"),
        Json.text(j, "authority"), Json.text(j, "platform"), Json.text(j, "version"), Json.text(j, "desc"),
        Json.text(j, "updatedate"));
  }

  public String typeText() {
    return "1".equals(type) ? "light app" : "native SDK";
  }

  public String audienceText() {
    return "0".equals(authority) ? "internal" : "everyone";
  }
}

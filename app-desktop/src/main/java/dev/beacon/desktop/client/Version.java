package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/** A version of an app or of a module, released or not. */
public record Version(String versionId, String name, int code, String url, String md5, String desc, String deviceIds,
    List<String> platforms, boolean forceUpdate, boolean released, String createDate) {
  public Version {
    platforms = List.copyOf(platforms);
  }

  /** From the API's version object ({@code active} 1 is released, for app and module versions alike). */
  public static Version from(JsonObject j) {
    return new Version(Json.textOrNull(j, "versionId"), Json.text(j, "name"), Json.integer(j, "code"),
        Json.text(j, "url"), Json.text(j, "md5"), Json.text(j, "desc"), Json.text(j, "deviceIds"),
        Json.texts(j, "platforms"), Json.flag(j, "forceUpdate"), Json.integer(j, "active") == 1,
        Json.text(j, "createDate"));
  }

  /** The devices the version is offered to (empty: every device). */
  public List<String> devices() {
    return deviceIds == null || deviceIds.isBlank() ? List.of()
        : Arrays.stream(deviceIds.split("[;,\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  /** The same version, released or not. */
  public Version withReleased(boolean on) {
    return new Version(versionId, name, code, url, md5, desc, deviceIds, platforms, forceUpdate, on, createDate);
  }
}

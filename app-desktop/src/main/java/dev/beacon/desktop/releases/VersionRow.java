package dev.beacon.desktop.releases;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One version of an app or module as the Releases screen shows it. */
public record VersionRow(String versionId, String name, int code, String url, String md5, String desc, String deviceIds,
    List<String> platforms, boolean forceUpdate, boolean released, String createDate) {

  public static VersionRow of(JsonObject j) {
    List<String> platforms = new ArrayList<>();
    Object p = j.getValue("platforms");
    if (p instanceof JsonArray a) {
      a.forEach(o -> platforms.add(String.valueOf(o)));
    }
    return new VersionRow(j.getString("versionId"), j.getString("name", ""), j.getInteger("code", 0),
        j.getString("url", ""), j.getString("md5", ""), j.getString("desc", ""), j.getString("deviceIds", ""),
        List.copyOf(platforms), Boolean.TRUE.equals(j.getBoolean("forceUpdate")), j.getInteger("active", 0) == 1,
        j.getString("createDate", ""));
  }

  /** The devices the version is offered to ("" for everyone). */
  public List<String> devices() {
    return deviceIds == null || deviceIds.isBlank() ? List.of()
        : Arrays.stream(deviceIds.split("[;,\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  /** The same version released or not (what the toggle shows before the server answers). */
  public VersionRow withReleased(boolean on) {
    return new VersionRow(versionId, name, code, url, md5, desc, deviceIds, platforms, forceUpdate, on, createDate);
  }
}

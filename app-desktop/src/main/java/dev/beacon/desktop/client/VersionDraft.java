package dev.beacon.desktop.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a create or edit of a version sends. {@code code} is kept as typed: a number goes as a
 * number, anything else as text for the server to say what is wrong with it. Force update and
 * platforms only for the app itself ({@code forApp}): modules have neither.
 */
public record VersionDraft(String name, String code, String url, String md5, String desc, List<String> devices,
    List<String> platforms, boolean forceUpdate, boolean forApp) {
  public VersionDraft {
    devices = List.copyOf(devices);
    platforms = List.copyOf(platforms);
  }

  /** The request body: device ids ';'-separated, platforms as an array. */
  public JsonObject json() {
    JsonObject j = new JsonObject().put("name", name);
    try {
      j.put("code", Integer.parseInt(code));
    } catch (NumberFormatException e) {
      j.put("code", code);
    }
    j.put("url", url).put("md5", md5).put("desc", desc).put("deviceIds", String.join(";", devices));
    if (forApp) {
      j.put("platforms", new JsonArray(platforms)).put("forceUpdate", forceUpdate);
    }
    return j;
  }
}

package dev.beacon.desktop.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a create or edit of a version sends. {@code code} is kept as typed: a number goes as a
 * number, anything else as text for the server to say what is wrong with it. Force update and
 * platforms only for the app itself ({@code forApp}): modules have neither. The channel, the
 * minimum system version and the packages (which replace the version's) go for both.
 */
public record VersionDraft(String name, String code, String url, String md5, String desc, List<String> devices,
    List<String> platforms, boolean forceUpdate, boolean forApp, String channel, String minSystemVersion,
    List<VersionPackage> packages) {
  public VersionDraft {
    devices = List.copyOf(devices);
    platforms = List.copyOf(platforms);
    packages = List.copyOf(packages);
  }

  /** A draft without channel, minimum system version or packages (stable, none, none). */
  public VersionDraft(String name, String code, String url, String md5, String desc, List<String> devices,
      List<String> platforms, boolean forceUpdate, boolean forApp) {
    this(name, code, url, md5, desc, devices, platforms, forceUpdate, forApp, "stable", "", List.of());
  }

  /** The request body: device ids ';'-separated, platforms as an array. */
  public JsonObject json() {
    JsonObject j = new JsonObject().put("name", name);
    try {
      j.put("code", Integer.parseInt(code));
    } catch (NumberFormatException e) {
      j.put("code", code);
    }
    if (!url.isEmpty() || packages.isEmpty()) {
      j.put("url", url).put("md5", md5);
    }
    j.put("desc", desc).put("deviceIds", String.join(";", devices));
    j.put("channel", channel.isBlank() ? "stable" : channel.trim()).put("minimumSystemVersion", minSystemVersion)
        .put("packages", new JsonArray(packages.stream().map(VersionPackage::json).toList()));
    if (forApp) {
      j.put("platforms", new JsonArray(platforms)).put("forceUpdate", forceUpdate);
    }
    return j;
  }
}

package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/**
 * An app's update feeds ({@code .../app/{appId}/feeds}): the URL and a one-line setup for Sparkle,
 * electron-updater and Velopack, and whether feed requests count in usage.
 */
public record VersionFeeds(boolean countUsage, String sparkle, String electron, String velopack, String sparkleSetup,
    String electronSetup, String velopackSetup) {

  public static VersionFeeds from(JsonObject j) {
    JsonObject feeds = j.getJsonObject("feeds");
    JsonObject setup = j.getJsonObject("setup");
    return new VersionFeeds(Json.flag(j, "countUsage"), Json.text(feeds, "sparkle"), Json.text(feeds, "electron"),
        Json.text(feeds, "velopack"), Json.text(setup, "sparkle"), Json.text(setup, "electron"), Json.text(setup, "velopack"));
  }
}

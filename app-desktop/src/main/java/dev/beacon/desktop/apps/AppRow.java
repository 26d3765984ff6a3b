package dev.beacon.desktop.apps;

import io.vertx.core.json.JsonObject;

/** One app as the Apps screen shows it (the API's app object). */
public record AppRow(String appId, String appKey, String name, int platform, String desc, String icon, int status,
    String createDate) {
  public static final int FROZEN = 1;

  public static AppRow of(JsonObject j) {
    return new AppRow(j.getString("appId"), j.getString("appKey"), j.getString("name", ""),
        j.getInteger("platform", 0), j.getString("desc", ""), j.getString("icon", ""), j.getInteger("status", 0),
        j.getString("createDate", ""));
  }

  public boolean frozen() {
    return status == FROZEN;
  }

  /** The platform's name (the API's 1, 2, 3). */
  public static String platformName(int platform) {
    return switch (platform) {
      case 1 -> "Android";
      case 2 -> "iOS";
      case 3 -> "Hybrid";
      default -> "?";
    };
  }
}

package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/**
 * An app of the signed-in developer: its id and client key, what the developer entered, frozen or
 * not, and its Sentry DSN as the server gave it (with the address the console reached it by).
 */
public record App(String appId, String appKey, String name, int platform, String desc, String icon, int status,
    String createDate, String dsn) {
  /** The {@code status} of an app whose clients get no answers. */
  public static final int FROZEN = 1;

  /** From the API's app object. */
  public static App from(JsonObject j) {
    return new App(Json.textOrNull(j, "appId"), Json.textOrNull(j, "appKey"), Json.text(j, "name"),
        Json.integer(j, "platform"), Json.text(j, "desc"), Json.text(j, "icon"), Json.integer(j, "status"),
        Json.text(j, "createDate"), Json.text(j, "dsn"));
  }

  /**
   * The DSN for software that reaches the server at {@code baseUrl} (like
   * {@code http://192.168.1.20:8470}): the same key and project, that scheme and host. The DSN as
   * given when it cannot be rebuilt.
   */
  public String dsnFor(String baseUrl) {
    if (dsn == null || dsn.isEmpty() || baseUrl == null || baseUrl.isBlank()) {
      return dsn == null ? "" : dsn;
    }
    try {
      java.net.URI d = java.net.URI.create(dsn);
      java.net.URI b = java.net.URI.create(baseUrl.trim());
      if (d.getRawUserInfo() == null || b.getScheme() == null || b.getRawAuthority() == null) {
        return dsn;
      }
      return b.getScheme() + "://" + d.getRawUserInfo() + "@" + b.getRawAuthority() + d.getRawPath();
    } catch (IllegalArgumentException e) {
      return dsn;
    }
  }

  public boolean frozen() {
    return status == FROZEN;
  }

  /** The platform's name. */
  public String platformName() {
    return platformName(platform);
  }

  /** The name of the API's platform 1, 2 or 3. */
  public static String platformName(int platform) {
    return switch (platform) {
      case 1 -> "Android";
      case 2 -> "iOS";
      case 3 -> "Hybrid";
      default -> "?";
    };
  }
}

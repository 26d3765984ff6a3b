package dev.beacon.api.alerts;

import dev.beacon.api.core.Config;

/**
 * The address alerts link to: {@code -Dbeacon.alerts.base-url} when set, else the address a
 * developer last reached the alerts routes by (the console's), else the server's own host and
 * port.
 */
final class Links {
  private final String fixed = System.getProperty("beacon.alerts.base-url");
  private volatile String seen;
  private final String own;

  Links(Config config) {
    String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
    this.own = "http://" + host + ":" + config.port();
  }

  void saw(String scheme, String authority) {
    if (authority != null && !authority.isBlank()) {
      seen = scheme + "://" + authority;
    }
  }

  String base() {
    if (fixed != null && !fixed.isBlank()) {
      return fixed.replaceAll("/+$", "");
    }
    String s = seen;
    return s != null ? s : own;
  }

  String issue(String ownerOpenId, String appId, String issueId) {
    return base() + "/v1/user/" + ownerOpenId + "/app/" + appId + "/issues/" + issueId;
  }
}

package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/**
 * {@code .../stats/summary}: machines online now, active today, this week and this month,
 * stickiness (DAU/MAU, as a fraction or, from some servers, a percentage), every machine ever seen,
 * and the last heartbeat.
 */
public record UsageSummary(long onlineNow, long dau, long wau, long mau, double stickiness, long totalMachines,
    String lastHeartbeat) {
  public static final UsageSummary EMPTY = new UsageSummary(0, 0, 0, 0, 0, 0, "");

  public static UsageSummary from(JsonObject j) {
    return new UsageSummary(Json.number(j, "onlineNow"), Json.number(j, "dau"), Json.number(j, "wau"),
        Json.number(j, "mau"), Json.decimal(j, "stickiness"), Json.number(j, "totalMachines"),
        Json.text(j, "lastHeartbeat"));
  }

  /** Stickiness as a percentage, whichever way the server sent it. */
  public double stickinessPercent() {
    return stickiness <= 1.0 ? stickiness * 100 : stickiness;
  }
}

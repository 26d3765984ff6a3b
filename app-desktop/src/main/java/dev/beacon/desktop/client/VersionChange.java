package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/** One change of a version's release: when, who, the action, and the state and rollout before and after. */
public record VersionChange(String date, String openId, String action, String fromState, String toState, int fromRollout,
    int toRollout, boolean downgrade, String comment) {

  public static VersionChange from(JsonObject j) {
    return new VersionChange(Json.text(j, "date"), Json.text(j, "openId"), Json.text(j, "action"), Json.text(j, "fromState"),
        Json.text(j, "toState"), (int) Json.number(j, "fromRollout"), (int) Json.number(j, "toRollout"),
        Json.flag(j, "downgrade"), Json.text(j, "comment"));
  }

  /** The change in one line, e.g. "2026-12-04 10:00  halt  rolling 25% → halted 25%  (crash spike)". */
  public String text() {
    return date + "  " + action + "  " + fromState + " " + fromRollout + "% \u2192 " + toState + " " + toRollout + "%"
        + (downgrade ? "  downgrade" : "") + (comment.isEmpty() ? "" : "  (" + comment + ")");
  }
}

package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/**
 * One alert rule of an app as the server applies it: new_issue, regression, spike (threshold =
 * fewest events in an hour, factor), rollout_health (threshold = lowest error-free rate 0..1,
 * minMachines, autoHalt).
 */
public record AlertRule(String rule, boolean enabled, int quietMinutes, Double threshold, Double factor,
    Integer minMachines, boolean autoHalt) {
  static AlertRule from(JsonObject o) {
    return new AlertRule(Json.text(o, "rule"), Json.flag(o, "enabled"), o.getInteger("quietMinutes", 60),
        o.getDouble("threshold"), o.getDouble("factor"), o.getInteger("minMachines"), Json.flag(o, "autoHalt"));
  }

  /** The body of {@code PUT .../alerts/rules/{rule}}: only the fields that apply to this rule. */
  JsonObject body() {
    JsonObject b = new JsonObject().put("enabled", enabled).put("quietMinutes", quietMinutes);
    switch (rule) {
      case "spike" -> b.put("threshold", threshold).put("factor", factor);
      case "rollout_health" -> b.put("threshold", threshold).put("minMachines", minMachines).put("autoHalt", autoHalt);
      default -> { }
    }
    return b;
  }

  /** A readable name for the rule. */
  public String label() {
    return switch (rule) {
      case "new_issue" -> "A new issue";
      case "regression" -> "A regression";
      case "spike" -> "A spike of an issue's events";
      case "rollout_health" -> "An unhealthy rollout";
      default -> rule;
    };
  }
}

package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One version's release health over a window ({@code GET .../health}): its rollout, machines and
 * share, machines with errors, rates (0..1, {@code null} where there is nothing to divide), new
 * issues and regressions, a trend per day, whether it is worse than the version before at the same
 * age, and that version's figures ({@code previous}, null when none).
 */
public record HealthVersion(String versionId, String version, int code, String channel, int rollout, String state,
    String since, long machines, Double share, long errorMachines, Double errorFreeRate, Double crashFreeSessions,
    Double crashFreeMachines, Long newIssues, Long regressions, boolean worse, List<HealthDay> trend,
    HealthVersion previous) {
  public HealthVersion {
    trend = List.copyOf(trend);
  }

  /** One day of a version's trend. */
  public record HealthDay(String date, long machines, long errorMachines) {
    static HealthDay from(JsonObject j) {
      return new HealthDay(Json.text(j, "date"), Json.number(j, "machines"), Json.number(j, "errorMachines"));
    }
  }

  public static HealthVersion from(JsonObject j) {
    JsonObject p = j.getJsonObject("previous");
    return new HealthVersion(Json.textOrNull(j, "versionId"), Json.text(j, "version"), Json.integer(j, "code"),
        Json.text(j, "channel"), (int) Json.number(j, "rollout", 100), Json.text(j, "state"), Json.text(j, "since"),
        Json.number(j, "machines"), rate(j, "share"), Json.number(j, "errorMachines"), rate(j, "errorFreeRate"),
        rate(j, "crashFreeSessions"), rate(j, "crashFreeMachines"), count(j, "newIssues"), count(j, "regressions"),
        Json.flag(j, "worse"), Json.list(j, "trend", HealthDay::from), p == null ? null : from(p));
  }

  private static Double rate(JsonObject j, String key) {
    return j.getValue(key) instanceof Number n ? n.doubleValue() : null;
  }

  private static Long count(JsonObject j, String key) {
    return j.getValue(key) instanceof Number n ? n.longValue() : null;
  }

  /** A rate as a percentage with one decimal ("99.5%"), or "–" when there is none. */
  public static String percent(Double rate) {
    return rate == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
  }

  /** The rollout in words: "25% (rolling)", "100%", "halted at 25%", "draft". */
  public String rolloutText() {
    return Version.rolloutText(state, rollout);
  }
}

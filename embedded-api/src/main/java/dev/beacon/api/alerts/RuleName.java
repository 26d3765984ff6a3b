package dev.beacon.api.alerts;

import dev.beacon.api.core.ApiException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The four alert rules, with what an app has before its developer changes anything: new issues
 * and regressions on, spikes and rollout health off, every quiet period an hour.
 */
enum RuleName {
  NEW_ISSUE(true, null, null, null),
  REGRESSION(true, null, null, null),
  /** An issue's events in the last hour: at least {@code threshold}, and over {@code factor} times its 7-day hourly average. */
  SPIKE(false, 10.0, null, 3.0),
  /** A version in a partial rollout on at least {@code minMachines} machines whose error-free (or crash-free) machines fall below {@code threshold}. */
  ROLLOUT_HEALTH(false, 0.95, 20, null);

  static final int DEFAULT_QUIET_MINUTES = 60;

  final boolean enabled;
  final Double threshold;
  final Integer minMachines;
  final Double factor;

  RuleName(boolean enabled, Double threshold, Integer minMachines, Double factor) {
    this.enabled = enabled;
    this.threshold = threshold;
    this.minMachines = minMachines;
    this.factor = factor;
  }

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RuleName of(String wire) {
    return Arrays.stream(values()).filter(r -> r.wire().equals(wire)).findFirst()
        .orElseThrow(() -> ApiException.notFound("no alert rule " + wire + "; the rules are new_issue, regression, spike and rollout_health"));
  }
}

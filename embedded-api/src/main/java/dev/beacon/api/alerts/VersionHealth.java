package dev.beacon.api.alerts;

import java.util.Optional;

/**
 * The figures the rollout_health rule reads of a version over the last day: machines on it, and
 * its error-free and crash-free machine rates (0..1, null where there is nothing to divide).
 * Wired by the composition root from the release-health feature; blocking (call it off the event
 * loop).
 */
@FunctionalInterface
public interface VersionHealth {
  record Figures(long machines, long errorMachines, Double errorFreeRate, Double crashFreeMachines) {}

  Optional<Figures> lastDay(String appId, String versionId) throws Exception;
}

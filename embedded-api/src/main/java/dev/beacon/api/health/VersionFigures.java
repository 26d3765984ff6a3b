package dev.beacon.api.health;

/**
 * One app version's release health over some days ({@link ReleaseHealth#lastDay}): its release
 * facts, its active machines, those among them with at least one error on it, and the rates
 * (0..1, {@code null} with nothing to divide); crash-free figures come from Sentry sessions.
 */
public record VersionFigures(String versionId, String version, String channel,
    String state, Integer rollout, long machines, long errorMachines,
    Double errorFreeRate, Double crashFreeSessions, Double crashFreeMachines) {}

package dev.beacon.api.telemetry.ingest;

import java.time.Instant;

/** One heartbeat as received: the client's app key, machine id and version, and when it came. */
public record Beat(String appKey, String machineId, String version, Instant at) {}

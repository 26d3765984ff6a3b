package dev.beacon.api.telemetry.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An accepted heartbeat as the store keeps it: its app, the machine's HMAC, the version, and its day
 * in the app's zone at the moment it was received.
 */
public record HashedBeat(String appId, String hash, String version, LocalDate day, Instant at) {}

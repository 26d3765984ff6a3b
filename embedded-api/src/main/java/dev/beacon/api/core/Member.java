package dev.beacon.api.core;

import java.time.Instant;

/**
 * One Beacon serving the database (PostgreSQL): who it is, where it runs, since when, and when it
 * last said it was still there.
 */
public record Member(String id, String host, String dataFolder, long pid, Instant startedAt, Instant lastSeen) {
  /** For a log line: {@code host (pid 123, data /srv/beacon, since 2026-12-04T22:00:00Z)}. */
  public String describe() {
    return host + " (pid " + pid + ", data " + dataFolder + ", since " + startedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")";
  }
}

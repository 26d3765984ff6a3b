package dev.beacon.api.alerts;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a delivery again: exponential backoff from {@code beacon.alerts.backoff-ms} (30 s)
 * doubling per failed try up to an hour, each wait drawn between half and all of it (jitter, so
 * that many alerts to one dead webhook do not return together); tries stop {@code
 * beacon.alerts.retry-for-ms} (24 hours) after the alert.
 */
final class Backoff {
  private static final long MAX_MS = Duration.ofHours(1).toMillis();

  final long baseMs = Long.getLong("beacon.alerts.backoff-ms", 30_000L);
  final Duration retryFor = Duration.ofMillis(Long.getLong("beacon.alerts.retry-for-ms", Duration.ofHours(24).toMillis()));

  /** The wait after the {@code attempts}-th failed try (1 for the first). */
  Duration after(int attempts) {
    long full = Math.min(MAX_MS, baseMs << Math.min(Math.max(attempts - 1, 0), 30));
    long half = full / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
  }
}

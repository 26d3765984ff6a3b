package dev.beacon.api.auth;

import dev.beacon.api.core.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins are limited per account and address ({@value #PER_ACCOUNT} per window) and per
 * address ({@value #PER_ADDRESS}), in fixed windows of 15 minutes; past that, sign-in from there
 * answers 429 with Retry-After until the window ends. Success does not reset the address count,
 * so spreading guesses over accounts does not help. In memory: a restart forgets the counts.
 */
final class LoginThrottle {
  static final int PER_ACCOUNT = 10;
  static final int PER_ADDRESS = 100;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  private record Window(long start, int failures) {}

  /** Refuses with 429 when the account at this address, or the address, has failed too often. */
  void check(String account, String address) {
    long now = clock.millis();
    long wait = Math.max(waitFor(accountKey(account, address), PER_ACCOUNT, now), waitFor(address, PER_ADDRESS, now));
    if (wait > 0) {
      throw new ApiException(ApiException.RATE_LIMITED,
          "too many failed sign-ins; try again in " + Math.max(1, wait / 1000) + " s")
          .retryAfterSeconds(Math.max(1, (wait + 999) / 1000));
    }
  }

  /** Counts a failed sign-in. */
  void failed(String account, String address) {
    long now = clock.millis();
    if (windows.size() > MAX_KEYS) {
      windows.values().removeIf(w -> now - w.start() >= WINDOW.toMillis());
    }
    count(accountKey(account, address), now);
    count(address, now);
  }

  private void count(String key, long now) {
    windows.merge(key, new Window(now, 1),
        (old, one) -> now - old.start() >= WINDOW.toMillis() ? one : new Window(old.start(), old.failures() + 1));
  }

  private long waitFor(String key, int limit, long now) {
    Window w = windows.get(key);
    if (w == null || now - w.start() >= WINDOW.toMillis() || w.failures() < limit) {
      return 0;
    }
    return w.start() + WINDOW.toMillis() - now;
  }

  private static String accountKey(String account, String address) {
    return account.toLowerCase(Locale.ROOT) + "\n" + address;
  }
}

package dev.beacon.api.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (an app key, say): a key may spend {@code burst} requests at once and
 * earns {@code ratePerSecond} back each second. A rate of 0 switches the limit off. Thread-safe
 * and cheap: it runs on the event loop, before any database work.
 */
public final class RateLimiter {
  /** Above this many keys, full buckets (keys idle long enough to have refilled) are dropped. */
  static final int MAX_KEYS = 10_000;
  private static final long NANOS = 1_000_000_000L;

  private final double ratePerSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong lastPrune = new AtomicLong();

  public RateLimiter(double ratePerSecond, int burst) {
    this(ratePerSecond, burst, System::nanoTime);
  }

  RateLimiter(double ratePerSecond, int burst, LongSupplier nanoTime) {
    if (ratePerSecond < 0 || burst < 1) {
      throw new IllegalArgumentException("a rate limit needs a rate >= 0 and a burst >= 1, got " + ratePerSecond + " and " + burst);
    }
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
    this.nanoTime = nanoTime;
    lastPrune.set(nanoTime.getAsLong());
  }

  public boolean enabled() {
    return ratePerSecond > 0;
  }

  /** The limit in words, for messages: {@code 50 per second after a burst of 200}. */
  public String describe() {
    return Json.numberText(ratePerSecond) + " per second after a burst of " + (int) burst;
  }

  /**
   * Spends a token of the key's bucket: 0 when there was one (go on), else the whole seconds until
   * the next token (at least 1), for a {@code Retry-After} header.
   */
  public long acquire(String key) {
    if (!enabled()) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    if (buckets.size() >= MAX_KEYS) {
      prune(now);
    }
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (b) {
      b.refill(now, ratePerSecond, burst);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - b.tokens) / ratePerSecond));
    }
  }

  /** Drops full buckets, at most once a second (a flood of new keys must not make every call scan). */
  private void prune(long now) {
    long last = lastPrune.get();
    if (now - last < NANOS || !lastPrune.compareAndSet(last, now)) {
      return;
    }
    buckets.values().removeIf(b -> {
      synchronized (b) {
        b.refill(now, ratePerSecond, burst);
        return b.tokens >= burst;
      }
    });
  }

  int keys() {
    return buckets.size();
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }

    void refill(long now, double rate, double burst) {
      if (now > at) {
        tokens = Math.min(burst, tokens + (now - at) * rate / NANOS);
        at = now;
      }
    }
  }
}

package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets on a clock the test moves. */
class RateLimiterTest {
  static final long SECOND = 1_000_000_000L;

  final AtomicLong now = new AtomicLong(42 * SECOND);

  @Test
  void aBurstThenTheRateThenAWaitInWholeSeconds() {
    RateLimiter limiter = new RateLimiter(2, 3, now::get);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, limiter.acquire("k"), "the burst");
    }
    assertEquals(1, limiter.acquire("k"), "half a second to the next token, rounded up");
    now.addAndGet(SECOND / 2);
    assertEquals(0, limiter.acquire("k"));
    assertEquals(1, limiter.acquire("k"));
    now.addAndGet(10 * SECOND);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, limiter.acquire("k"), "refilled up to the burst, not beyond");
    }
    assertEquals(1, limiter.acquire("k"));
    assertEquals(0, limiter.acquire("other"), "each key has its own bucket");
  }

  @Test
  void aSlowRateAsksForLongerWaits() {
    RateLimiter limiter = new RateLimiter(0.25, 1, now::get);
    assertEquals(0, limiter.acquire("k"));
    assertEquals(4, limiter.acquire("k"));
    now.addAndGet(SECOND);
    assertEquals(3, limiter.acquire("k"));
    assertEquals("0.25 per second after a burst of 1", limiter.describe());
  }

  @Test
  void aRateOfZeroIsNoLimit() {
    RateLimiter limiter = new RateLimiter(0, 1, now::get);
    assertFalse(limiter.enabled());
    for (int i = 0; i < 1000; i++) {
      assertEquals(0, limiter.acquire("k"));
    }
    assertEquals(0, limiter.keys(), "nothing is tracked");
  }

  @Test
  void idleKeysAreForgottenWhenThereAreTooMany() {
    RateLimiter limiter = new RateLimiter(100, 5, now::get);
    for (int i = 0; i < RateLimiter.MAX_KEYS; i++) {
      limiter.acquire("key-" + i);
    }
    assertEquals(RateLimiter.MAX_KEYS, limiter.keys());
    now.addAndGet(2 * SECOND);
    limiter.acquire("one-more");
    assertEquals(1, limiter.keys(), "full buckets are dropped: they hold nothing worth keeping");
    assertTrue(limiter.enabled());
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RateLimiter(-1, 5));
    assertThrows(IllegalArgumentException.class, () -> new RateLimiter(5, 0));
  }
}

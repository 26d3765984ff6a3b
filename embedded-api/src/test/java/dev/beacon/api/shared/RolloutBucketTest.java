package dev.beacon.api.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Staged-rollout buckets: how many machines a percentage reaches, and that the buckets hold still. */
class RolloutBucketTest {
  private static final String SECRET = "app-secret-for-the-bucket-test";

  private static List<String> machines(long seed, int n) {
    Random r = new Random(seed);
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(new UUID(r.nextLong(), r.nextLong()).toString());
    }
    return ids;
  }

  @Test
  void aQuarterOfTenThousandMachinesIsInsideA25PercentRollout() {
    long inside = machines(17, 10_000).stream().filter(m -> RolloutBucket.inside(SECRET, m, "version-a", 25)).count();
    assertTrue(Math.abs(inside - 2_500) <= 150, "25% of 10,000 random machines, got " + inside);
  }

  @Test
  void raisingThePercentageOnlyAddsMachines() {
    for (String m : machines(18, 10_000)) {
      int bucket = RolloutBucket.of(SECRET, m, "version-a");
      assertTrue(bucket >= 0 && bucket < RolloutBucket.BUCKETS);
      assertEquals(bucket, RolloutBucket.of(SECRET, " " + m + " ", "version-a"), "the bucket never changes");
      for (int p = 1; p < 100; p++) {
        if (RolloutBucket.inside(SECRET, m, "version-a", p)) {
          assertTrue(RolloutBucket.inside(SECRET, m, "version-a", p + 1), m + " inside at " + p + "% but not at " + (p + 1) + "%");
        }
      }
      assertTrue(RolloutBucket.inside(SECRET, m, "version-a", 100));
    }
  }

  @Test
  void twoVersionsBucketIndependently() {
    List<String> ms = machines(19, 10_000);
    long a = 0;
    long b = 0;
    long both = 0;
    for (String m : ms) {
      boolean inA = RolloutBucket.inside(SECRET, m, "version-a", 50);
      boolean inB = RolloutBucket.inside(SECRET, m, "version-b", 50);
      a += inA ? 1 : 0;
      b += inB ? 1 : 0;
      both += inA && inB ? 1 : 0;
    }
    // independent halves overlap in a quarter; the same order would overlap in a half
    assertTrue(Math.abs(both - 2_500) <= 200, "machines inside both 50% rollouts: " + both + " (a " + a + ", b " + b + ")");
  }

  @Test
  void anotherAppsSecretGivesOtherBuckets() {
    long same = machines(20, 1_000).stream()
        .filter(m -> RolloutBucket.of(SECRET, m, "v") == RolloutBucket.of("another secret", m, "v")).count();
    assertTrue(same < 10, "buckets that agree across secrets: " + same);
  }
}

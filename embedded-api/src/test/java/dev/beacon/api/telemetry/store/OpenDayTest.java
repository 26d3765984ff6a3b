package dev.beacon.api.telemetry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * An open day in memory against a brute-force record of its heartbeats, and through its snapshot
 * (every part encoded, decoded into a fresh day).
 */
class OpenDayTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

  @Test
  void keepsTheLastVersionOfEachMachineAndSurvivesItsSnapshot() {
    OpenDay day = new OpenDay(DAY, 5, null);
    Instant start = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<Integer, String> lastVersion = new HashMap<>();
    Map<Integer, Instant> lastAt = new HashMap<>();
    SplittableRandom random = new SplittableRandom(11);
    int fresh = 0;
    for (int i = 0; i < 40_000; i++) {
      // ordinals in three parts (0, 1 and 3), sparse in the last
      int ordinal = switch (random.nextInt(3)) {
        case 0 -> random.nextInt(1_000);
        case 1 -> 65_536 + random.nextInt(20_000);
        default -> 3 * 65_536 + random.nextInt(65_536);
      };
      Instant at = start.plusMillis(random.nextLong(86_400_000L));
      String version = "v" + random.nextInt(6);
      boolean isNew = random.nextInt(10) == 0;
      fresh += isNew ? 1 : 0;
      day.beat(ordinal, version, at, isNew);
      if (!lastAt.containsKey(ordinal) || !at.isBefore(lastAt.get(ordinal))) {
        lastAt.put(ordinal, at);
        lastVersion.put(ordinal, version);
      }
    }
    check(day, lastVersion, lastAt);
    assertEquals(5 + fresh, day.newMachines());
    assertEquals(lastAt.values().stream().max(Instant::compareTo).orElseThrow(), day.lastAt());

    BitSet parts = day.dirtyParts();
    assertEquals("{0, 1, 3}", parts.toString(), "only the parts that were written to");
    OpenDay restored = new OpenDay(DAY, day.newMachines(), day.lastAt());
    for (int p = parts.nextSetBit(0); p >= 0; p = parts.nextSetBit(p + 1)) {
      restored.decodePart(p, day.encodePart(p));
    }
    check(restored, lastVersion, lastAt);
    assertFalse(restored.dirty(), "what was just read from a snapshot is not to be written again");
    day.saved();
    assertTrue(day.dirtyParts().isEmpty());
  }

  @Test
  void onlineNowCountsTheMachinesHeardSinceAMoment() {
    OpenDay day = new OpenDay(DAY, 0, null);
    Instant noon = DAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
    day.beat(1, "1", noon.minusSeconds(3600), false);
    day.beat(2, "1", noon.minusSeconds(600), false);
    day.beat(3, "1", noon.minusSeconds(3600), false);
    day.beat(3, "2", noon.minusSeconds(60), false);
    RoaringBitmap online = new RoaringBitmap();
    day.activeSince(noon.minusSeconds(15 * 60), online);
    assertEquals(RoaringBitmap.bitmapOf(2, 3), online);
  }

  private static void check(OpenDay day, Map<Integer, String> lastVersion, Map<Integer, Instant> lastAt) {
    RoaringBitmap expected = new RoaringBitmap();
    lastVersion.keySet().forEach(expected::add);
    assertEquals(expected, day.machines());
    Map<String, Long> counts = new HashMap<>();
    lastVersion.values().forEach(v -> counts.merge(v, 1L, Long::sum));
    assertEquals(counts, day.versionCounts());
    lastVersion.forEach((ordinal, version) -> {
      assertEquals(version, day.version(ordinal), "version of " + ordinal);
      assertEquals(lastAt.get(ordinal), day.lastAt(ordinal), "time of " + ordinal);
    });
  }
}

package dev.beacon.api.shared;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VersionComparatorTest {
  private static final VersionComparator V = VersionComparator.INSTANCE;

  private static void assertOlder(String older, String newer) {
    assertTrue(V.compare(older, newer) < 0, older + " should be older than " + newer);
    assertTrue(V.compare(newer, older) > 0, newer + " should be newer than " + older);
  }

  private static void assertSame(String a, String b) {
    assertEquals(0, V.compare(a, b), a + " and " + b + " should be the same version");
    assertEquals(0, V.compare(b, a), b + " and " + a + " should be the same version");
  }

  @Test
  void numbersCompareByValueNotText() {
    assertOlder("1.9.2", "1.10.0");
    assertOlder("1.0.9", "1.0.10");
    assertOlder("2", "10");
    assertOlder("0.9", "1");
    assertOlder("1.2.3", "1.2.3.1");
    assertOlder("1.99999999999999999999", "1.100000000000000000000");
  }

  @Test
  void missingPartsAndLeadingZerosAreZero() {
    assertSame("1.2", "1.2.0");
    assertSame("1", "1.0.0.0");
    assertSame("1.02", "1.2");
    assertSame("", "0");
  }

  @Test
  void preReleasesSortBeforeTheirRelease() {
    assertOlder("1.2.0-beta", "1.2.0");
    assertOlder("1.2-rc1", "1.2.0");
    assertOlder("1.2.0beta", "1.2.0");
    assertOlder("1.1.9", "1.2.0-alpha");
    assertOlder("1.2.0-alpha", "1.2.0-beta");
    assertOlder("1.2.0-beta.2", "1.2.0-beta.11");
    assertOlder("1.2.0-beta2", "1.2.0-beta11");
    assertOlder("1.2.0-beta", "1.2.0-beta.1");
    assertOlder("1.2.0-1", "1.2.0-alpha");
    assertOlder("1.2.0-beta", "1.2.0-rc");
    assertSame("1.2.0-RC1", "1.2.0-rc.1");
  }

  @Test
  void prefixAndBuildMetadataAreIgnored() {
    assertSame("v1.2.3", "1.2.3");
    assertSame("V2", "2.0");
    assertSame("1.2.3+build.7", "1.2.3");
    assertSame(" 1.2.3 ", "1.2.3");
  }

  @Test
  void junkNeverThrowsAndSortsLow() {
    assertOlder("abc", "0.0.1");
    assertOlder("latest", "1.0");
    assertOlder(null, "1.0");
    assertSame(null, "");
    for (String junk : List.of("..", "-", "1..2", "1.2.", ".5", "+", "v", "1.2.3-", "💥", "1.2.3-beta..1", "9".repeat(500))) {
      assertDoesNotThrow(() -> V.compare(junk, "1.2.3"), junk);
      assertDoesNotThrow(() -> V.compare("1.2.3-beta", junk), junk);
    }
    assertFalse(V.newer("1.2.", "1.2"));
  }

  @Test
  void sortingAShuffledListGivesTheExpectedOrder() {
    List<String> expected = List.of("junk", "0.1", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta", "1.0.0-beta.2",
        "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2", "1.9.2", "1.10.0", "2.0.0-beta", "2.0.0", "10.0");
    List<String> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new Random(7));
    shuffled.sort(V);
    assertEquals(expected, shuffled);
  }

  @Test
  void newerIsStrict() {
    assertTrue(V.newer("1.1.0", "1.0.0"));
    assertFalse(V.newer("1.0.0", "1.0.0"));
    assertFalse(V.newer("1.0", "1.0.1"));
  }
}

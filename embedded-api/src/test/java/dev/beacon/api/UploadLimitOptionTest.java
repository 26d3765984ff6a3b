package dev.beacon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.core.Config;
import org.junit.jupiter.api.Test;

/** {@code --upload-limit}: sizes in bytes or K/M/G, and the 2 GiB default. */
class UploadLimitOptionTest {
  private static Config parse(String... args) {
    return Main.parse(args);
  }

  @Test
  void defaultsToTwoGibibytes() {
    assertEquals(2L * 1024 * 1024 * 1024, parse().uploadLimit());
  }

  @Test
  void takesBytesOrBinaryUnits() {
    assertEquals(1000, parse("--upload-limit", "1000").uploadLimit());
    assertEquals(500L << 20, parse("--upload-limit=500M").uploadLimit());
    assertEquals(500L << 20, parse("--upload-limit", "500MiB").uploadLimit());
    assertEquals(64L << 10, parse("--upload-limit", "64k").uploadLimit());
    assertEquals(8L << 30, parse("--upload-limit", "8G").uploadLimit());
  }

  @Test
  void refusesWhatIsNotASize() {
    for (String bad : new String[] {"0", "-5", "lots", "1.5G", "5T", "99999999999999999G"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--upload-limit", bad), bad);
      assertTrue(e.getMessage().contains("--upload-limit"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> parse("--upload-limit"));
  }
}

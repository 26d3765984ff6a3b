package dev.beacon.api.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.beacon.api.Main;
import dev.beacon.api.core.Config;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line and defaults of error retention and rate limiting. */
class ErrorSettingsTest {
  @Test
  void defaultsAreNinetyDaysAndFiftyPerSecondWithBurstsOfTwoHundred() {
    Config c = Config.defaults();
    assertEquals(Duration.ofDays(90), c.errorRetention());
    assertEquals(50, c.errorRate());
    assertEquals(200, c.errorBurst());
    assertEquals(16 * 1024 * 1024, c.errorBodyLimit());
  }

  @Test
  void flagsSetThem() {
    Config c = Main.parse(new String[] {"--error-retention-days", "30", "--error-rate=12.5", "--error-burst", "40"});
    assertEquals(Duration.ofDays(30), c.errorRetention());
    assertEquals(12.5, c.errorRate());
    assertEquals(40, c.errorBurst());
    Config keepAll = Main.parse(new String[] {"--error-retention-days=0", "--error-rate=0"});
    assertEquals(Duration.ZERO, keepAll.errorRetention(), "0 keeps every event");
    assertEquals(0, keepAll.errorRate(), "0 switches the limit off");
  }

  @Test
  void badValuesAreRefusedWithTheFlagsName() {
    assertMessage("--error-retention-days needs a number, got 'ninety'", "--error-retention-days", "ninety");
    assertMessage("--error-retention-days must be 0 (keep every event) or more, got -1", "--error-retention-days=-1");
    assertMessage("--error-rate needs a number, got 'fast'", "--error-rate", "fast");
    assertMessage("the error rate must be 0 (no limit) or more events per second, got -5.0", "--error-rate=-5");
    assertMessage("the error burst must be at least 1, got 0", "--error-burst=0");
    assertMessage("--error-burst needs a value", "--error-burst");
  }

  private static void assertMessage(String expected, String... args) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Main.parse(args));
    assertEquals(expected, e.getMessage());
  }
}

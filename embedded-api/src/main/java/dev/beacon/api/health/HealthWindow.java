package dev.beacon.api.health;

import dev.beacon.api.core.ApiException;
import java.time.LocalDate;

/**
 * The windows release health looks over, in whole days of the app's calendar (usage counts
 * machines per day): {@code 24h} is today and yesterday (the days the last 24 hours touch),
 * {@code 7d} and {@code 30d} the last 7 and 30 days, today included.
 */
public enum HealthWindow {
  H24("24h", 2),
  D7("7d", 7),
  D30("30d", 30);

  private final String wire;
  private final int days;

  HealthWindow(String wire, int days) {
    this.wire = wire;
    this.days = days;
  }

  public String wire() {
    return wire;
  }

  public int days() {
    return days;
  }

  /** The window's first day when {@code today} is its last. */
  public LocalDate from(LocalDate today) {
    return today.minusDays(days - 1L);
  }

  /** The window a query parameter names (absent: 24h); anything else, blank included, is a 4000 naming the choices. */
  public static HealthWindow parse(String text) {
    if (text == null) {
      return H24;
    }
    for (HealthWindow w : values()) {
      if (w.wire.equals(text)) {
        return w;
      }
    }
    throw ApiException.badParameter("window must be 24h, 7d or 30d, not '" + text + "'");
  }
}

package dev.beacon.desktop.ui.chart;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Calendar days from {@code from} to {@code to}, both included. */
public record DayRange(LocalDate from, LocalDate to) {
  /** The longest custom range a chart accepts (three years). */
  public static final int MAX_DAYS = 3 * 366;

  public DayRange {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
  }

  /** The last {@code days} days up to and including {@code today}. */
  public static DayRange lastDays(int days, LocalDate today) {
    return new DayRange(today.minusDays(days - 1L), today);
  }

  /** How many days: 1 for a single day. */
  public int length() {
    return (int) ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The period of the same length right before this one. */
  public DayRange previous() {
    return new DayRange(from.minusDays(length()), from.minusDays(1));
  }

  /** This range extended back to start on {@code earlier} (unchanged when it starts before). */
  public DayRange from(LocalDate earlier) {
    return earlier.isBefore(from) ? new DayRange(earlier, to) : this;
  }

  /** Whether {@code day} is in the range. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  /** The range cut into consecutive pieces of at most {@code maxDays} days, oldest first. */
  public List<DayRange> pieces(int maxDays) {
    List<DayRange> out = new ArrayList<>();
    for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(maxDays)) {
      LocalDate end = start.plusDays(maxDays - 1L);
      out.add(new DayRange(start, end.isAfter(to) ? to : end));
    }
    return out;
  }

  /**
   * Why a range typed by hand cannot be shown, in a sentence, or "" when it can: both days given,
   * from not after to, to not after {@code today}, at most {@link #MAX_DAYS} days.
   */
  public static String problem(LocalDate from, LocalDate to, LocalDate today) {
    if (from == null || to == null) {
      return "Choose both days of the range.";
    }
    if (from.isAfter(to)) {
      return "The range starts after it ends: \"from\" must be on or before \"to\".";
    }
    if (to.isAfter(today)) {
      return "The range ends in the future: choose a day up to today (" + today + ").";
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      return "The range is longer than three years: choose a shorter one.";
    }
    return "";
  }
}

package dev.beacon.desktop.ui.chart;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a time axis over days puts its ticks: every day, every other day, on Mondays, every other
 * Monday, on the first of every month, of every other month, of every quarter, of every half year,
 * or on New Year's day; the finest step whose ticks fit the axis's length, at most {@link #MAX_TICKS}.
 * Pure: no JavaFX.
 */
public final class TimeTicks {
  /** Labels need about this many pixels each to stay horizontal and apart. */
  public static final double MIN_SPACING = 72;
  /** Never more ticks than this, however wide the axis (a year then ticks by month). */
  public static final int MAX_TICKS = 14;

  /** A step between ticks. */
  public enum Step {
    DAY, TWO_DAYS, WEEK, TWO_WEEKS, MONTH, TWO_MONTHS, QUARTER, HALF_YEAR, YEAR;

    /** Whether {@code day} is a tick of this step. */
    boolean isTick(LocalDate day) {
      return switch (this) {
        case DAY -> true;
        case TWO_DAYS -> day.toEpochDay() % 2 == 0;
        case WEEK -> day.getDayOfWeek() == DayOfWeek.MONDAY;
        case TWO_WEEKS -> day.getDayOfWeek() == DayOfWeek.MONDAY && Math.floorMod(day.toEpochDay() / 7, 2) == 0;
        case MONTH -> day.getDayOfMonth() == 1;
        case TWO_MONTHS -> day.getDayOfMonth() == 1 && (day.getMonthValue() - 1) % 2 == 0;
        case QUARTER -> day.getDayOfMonth() == 1 && (day.getMonthValue() - 1) % 3 == 0;
        case HALF_YEAR -> day.getDayOfMonth() == 1 && (day.getMonthValue() - 1) % 6 == 0;
        case YEAR -> day.getDayOfYear() == 1;
      };
    }

    boolean byDay() {
      return ordinal() <= TWO_WEEKS.ordinal();
    }
  }

  /** The chosen step and its ticks, oldest first. */
  public record Ticks(Step step, List<LocalDate> days) {}

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.getDefault(Locale.Category.FORMAT));
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.getDefault(Locale.Category.FORMAT));
  private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMM yyyy", Locale.getDefault(Locale.Category.FORMAT));

  private TimeTicks() {}

  /** How many ticks an axis {@code length} pixels long has room for (2 to {@link #MAX_TICKS}). */
  public static int room(double length) {
    return Math.max(2, Math.min(MAX_TICKS, (int) Math.floor(length / MIN_SPACING)));
  }

  /** The finest step whose ticks between {@code from} and {@code to} (inclusive) number at most {@code max}. */
  public static Ticks choose(LocalDate from, LocalDate to, int max) {
    Ticks coarsest = null;
    for (Step step : Step.values()) {
      List<LocalDate> days = ticks(step, from, to, max + 1);
      if (days.size() <= max) {
        if (!days.isEmpty()) {
          return new Ticks(step, days);
        }
        // a range too short for this step has no tick at all: keep the finer one's first tick
        return coarsest == null ? new Ticks(step, List.of(from)) : new Ticks(coarsest.step(), coarsest.days().subList(0, 1));
      }
      coarsest = new Ticks(step, days);
    }
    return coarsest;
  }

  /** The ticks of {@code step} from {@code from} to {@code to}, stopping once there are {@code limit}. */
  static List<LocalDate> ticks(Step step, LocalDate from, LocalDate to, int limit) {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to) && out.size() < limit; d = d.plusDays(1)) {
      if (step.isTick(d)) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * A tick's label: "Nov 23" when ticking by days or weeks, "Nov" by months, with the year on
   * the first tick and in January ("Jan 2027"), "2027" by years.
   */
  public static String label(Step step, LocalDate day, boolean first) {
    if (step.byDay()) {
      return DAY.format(day);
    }
    if (step == Step.YEAR) {
      return Integer.toString(day.getYear());
    }
    return first || day.getMonthValue() == 1 ? MONTH_YEAR.format(day) : MONTH.format(day);
  }
}

package dev.beacon.desktop.overview;

import dev.beacon.desktop.client.ActiveDay;
import dev.beacon.desktop.client.UsageSummary;
import dev.beacon.desktop.client.VersionDay;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.chart.DayRange;
import dev.beacon.desktop.ui.chart.TimeSeries;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What the Overview shows for one app and range, derived from the server's answers off the FX
 * thread: the DAU/WAU/MAU series (and the previous period's, shifted onto the range), version
 * adoption as shares, and the tiles. {@code active} covers the range and enough days before it for
 * the comparisons (the previous period, and 30 days for MAU). Pure.
 */
public record OverviewData(AppRef app, DayRange range, List<ActiveDay> active, List<VersionDay> versions,
    UsageSummary summary, List<TimeSeries> activeSeries, List<TimeSeries> previousSeries, List<TimeSeries> adoption,
    List<Tile> tiles) {
  /** Colours of DAU, WAU and MAU in the theme's chart palette: blue, green, orange. */
  static final int DAU_COLOUR = 4;
  static final int WAU_COLOUR = 2;
  static final int MAU_COLOUR = 0;

  static final OverviewData EMPTY = of(null, DayRange.lastDays(30, LocalDate.now()), List.of(), List.of(), UsageSummary.EMPTY);

  /** The days before the range that {@link #of} needs: the previous period, and 30 for MAU's comparison. */
  static DayRange needed(DayRange range) {
    return range.from(range.previous().from()).from(range.to().minusDays(30));
  }

  /** Everything derived from the answers. */
  static OverviewData of(AppRef app, DayRange range, List<ActiveDay> active, List<VersionDay> versions, UsageSummary summary) {
    Map<LocalDate, ActiveDay> byDay = byDay(active);
    List<TimeSeries> current = List.of(
        series("DAU", DAU_COLOUR, false, range, range, byDay, ActiveDay::dau),
        series("WAU", WAU_COLOUR, false, range, range, byDay, ActiveDay::wau),
        series("MAU", MAU_COLOUR, false, range, range, byDay, ActiveDay::mau));
    DayRange before = range.previous();
    List<TimeSeries> previous = List.of(
        series("DAU, previous period", DAU_COLOUR, true, before, range, byDay, ActiveDay::dau),
        series("WAU, previous period", WAU_COLOUR, true, before, range, byDay, ActiveDay::wau),
        series("MAU, previous period", MAU_COLOUR, true, before, range, byDay, ActiveDay::mau));
    List<VersionDay> inRange = versions.stream().filter(v -> range.contains(LocalDate.parse(v.date()))).toList();
    return new OverviewData(app, range, active, versions, summary, current, previous, Adoption.series(inRange),
        tiles(byDay, range, summary));
  }

  static Map<LocalDate, ActiveDay> byDay(List<ActiveDay> active) {
    Map<LocalDate, ActiveDay> m = new HashMap<>();
    active.forEach(d -> m.put(LocalDate.parse(d.date()), d));
    return m;
  }

  /** The figure per day of {@code days}, drawn on the same-length {@code onto} (the previous period lands on the range). */
  private static TimeSeries series(String name, int colour, boolean faint, DayRange days, DayRange onto,
      Map<LocalDate, ActiveDay> byDay, ToDoubleFunction<ActiveDay> value) {
    List<TimeSeries.Point> points = new ArrayList<>(days.length());
    long shift = onto.from().toEpochDay() - days.from().toEpochDay();
    for (LocalDate d = days.from(); !d.isAfter(days.to()); d = d.plusDays(1)) {
      ActiveDay a = byDay.get(d);
      if (a != null) {
        points.add(new TimeSeries.Point(d.plusDays(shift), value.applyAsDouble(a)));
      }
    }
    return new TimeSeries(name, colour, faint, "", points);
  }

  /** A figure on a day, or null when the answers do not have that day. */
  private static Double at(Map<LocalDate, ActiveDay> byDay, LocalDate day, ToDoubleFunction<ActiveDay> value) {
    ActiveDay a = byDay.get(day);
    return a == null ? null : value.applyAsDouble(a);
  }

  /** DAU/MAU in percent on a day (0 without machines), or null without that day. */
  private static Double stickiness(Map<LocalDate, ActiveDay> byDay, LocalDate day) {
    ActiveDay a = byDay.get(day);
    return a == null ? null : a.mau() == 0 ? 0.0 : 100.0 * a.dau() / a.mau();
  }

  /** New machines over the range's days, or null when the answers have none of them. */
  static Double newMachines(Map<LocalDate, ActiveDay> byDay, DayRange range) {
    double sum = 0;
    boolean any = false;
    for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
      ActiveDay a = byDay.get(d);
      if (a != null) {
        sum += a.newMachines();
        any = true;
      }
    }
    return any ? sum : null;
  }

  /**
   * The tiles, at the range's last day: DAU against the day before, WAU against the week before,
   * MAU against the 30 days before, stickiness (DAU/MAU) in points against the day before, new
   * machines over the range against the period before; online now and all machines as the
   * server counts them now.
   */
  static List<Tile> tiles(Map<LocalDate, ActiveDay> byDay, DayRange range, UsageSummary summary) {
    LocalDate to = range.to();
    int n = range.length();
    String period = n == 1 ? "the day before" : n == 7 ? "the week before" : n == 365 ? "the year before"
        : "the previous " + n + " days";
    List<Tile> out = new ArrayList<>();
    out.add(new Tile("online", "Online now", count(summary.onlineNow()), "", Change.Direction.UNKNOWN, List.of()));
    out.add(tile("dau", "DAU", new Change(at(byDay, to, ActiveDay::dau), at(byDay, to.minusDays(1), ActiveDay::dau)),
        "the day before", false, trend(byDay, range, a -> a.dau())));
    out.add(tile("wau", "WAU", new Change(at(byDay, to, ActiveDay::wau), at(byDay, to.minusDays(7), ActiveDay::wau)),
        "the week before", false, trend(byDay, range, a -> a.wau())));
    out.add(tile("mau", "MAU", new Change(at(byDay, to, ActiveDay::mau), at(byDay, to.minusDays(30), ActiveDay::mau)),
        "the 30 days before", false, trend(byDay, range, a -> a.mau())));
    Change stick = new Change(stickiness(byDay, to), stickiness(byDay, to.minusDays(1)));
    out.add(new Tile("stickiness", "Stickiness", percent(stick.current()), stick.text("the day before", true),
        stick.direction(), trend(byDay, range, a -> a.mau() == 0 ? 0 : 100.0 * a.dau() / a.mau())));
    out.add(new Tile("total", "All machines", count(summary.totalMachines()), "", Change.Direction.UNKNOWN, List.of()));
    out.add(tile("new", "New machines", new Change(newMachines(byDay, range), newMachines(byDay, range.previous())),
        period, false, trend(byDay, range, a -> a.newMachines())));
    return out;
  }

  private static Tile tile(String id, String title, Change c, String against, boolean points, List<Double> trend) {
    return new Tile(id, title, c.current() == null ? "0" : count(c.current()), c.text(against, points), c.direction(), trend);
  }

  private static List<Double> trend(Map<LocalDate, ActiveDay> byDay, DayRange range, ToDoubleFunction<ActiveDay> value) {
    List<Double> out = new ArrayList<>(range.length());
    for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
      ActiveDay a = byDay.get(d);
      if (a != null) {
        out.add(value.applyAsDouble(a));
      }
    }
    return out;
  }

  /** "4,210" (grouped as the user's locale writes numbers). */
  static String count(double n) {
    return NumberFormat.getIntegerInstance(Locale.getDefault(Locale.Category.FORMAT)).format(Math.round(n));
  }

  /** "40%". */
  static String percent(Double p) {
    return p == null ? "0%" : String.format(Locale.ROOT, "%.0f%%", p);
  }
}

package dev.beacon.api.health;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * The machines of some days, per version and day, as sets of the same identities on both sides:
 * {@code active} (the machines whose version that day was this one), {@code errors} (the machines
 * that reported an error on it that day), and {@code countsOnly} (days usage kept counts of, not
 * machines: closed before release health existed). What {@link #figures} counts from them is exact
 * wherever sets are kept.
 */
record MachineSets(Map<String, Map<LocalDate, RoaringBitmap>> active, Map<String, Map<LocalDate, RoaringBitmap>> errors,
    Map<String, Map<LocalDate, Long>> countsOnly) {

  /** One day of a version: its machines and those among them with errors. */
  record Day(LocalDate date, long machines, long errorMachines) {}

  /** A version's counts over some days; {@code share} of all the machines active then. */
  record Counts(long machines, Double share, long errorMachines, Double errorFreeRate, List<Day> trend) {}

  static MachineSets empty() {
    return new MachineSets(new HashMap<>(), new HashMap<>(), new HashMap<>());
  }

  /** The versions with machines on some day (active, or counts only). */
  java.util.Set<String> versions() {
    java.util.Set<String> out = new java.util.TreeSet<>(active.keySet());
    out.addAll(countsOnly.keySet());
    return out;
  }

  void addActive(String version, LocalDate day, RoaringBitmap machines) {
    active.computeIfAbsent(version, v -> new HashMap<>()).merge(day, machines, (a, b) -> RoaringBitmap.or(a, b));
  }

  void addErrors(String version, LocalDate day, RoaringBitmap machines) {
    errors.computeIfAbsent(version, v -> new HashMap<>()).merge(day, machines, (a, b) -> RoaringBitmap.or(a, b));
  }

  void addCount(String version, LocalDate day, long machines) {
    countsOnly.computeIfAbsent(version, v -> new HashMap<>()).merge(day, machines, Long::sum);
  }

  /**
   * The version's figures over {@code from..to}: its machines (the union of its days), the share
   * of every version's machines they are, its machines with errors (those of its machines that
   * reported an error on it on one of these days), 1 - the one over the other, and each day's
   * figures. Where a day has counts only, the machines are at least its count.
   */
  Counts figures(String version, LocalDate from, LocalDate to) {
    RoaringBitmap machines = new RoaringBitmap();
    RoaringBitmap withErrors = new RoaringBitmap();
    long countFloor = 0;
    List<Day> trend = new java.util.ArrayList<>();
    Map<LocalDate, RoaringBitmap> days = active.getOrDefault(version, Map.of());
    Map<LocalDate, RoaringBitmap> errorDays = errors.getOrDefault(version, Map.of());
    Map<LocalDate, Long> counts = countsOnly.getOrDefault(version, Map.of());
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      RoaringBitmap day = days.getOrDefault(d, new RoaringBitmap());
      RoaringBitmap errs = errorDays.getOrDefault(d, new RoaringBitmap());
      long count = counts.getOrDefault(d, 0L);
      trend.add(new Day(d, day.getLongCardinality() + count, RoaringBitmap.andCardinality(day, errs)));
      machines.or(day);
      withErrors.or(errs);
      countFloor = Math.max(countFloor, count);
    }
    long n = Math.max(machines.getLongCardinality(), countFloor);
    long bad = RoaringBitmap.andCardinality(machines, withErrors);
    long all = all(from, to);
    return new Counts(n, all == 0 ? null : (double) n / all, bad, n == 0 ? null : 1.0 - (double) bad / n, trend);
  }

  /** Every version's machines over {@code from..to} (at least the largest day count where only counts are kept). */
  private long all(LocalDate from, LocalDate to) {
    RoaringBitmap all = new RoaringBitmap();
    Map<LocalDate, Long> dayCounts = new HashMap<>();
    active.values().forEach(days -> days.forEach((d, m) -> {
      if (!d.isBefore(from) && !d.isAfter(to)) {
        all.or(m);
      }
    }));
    countsOnly.values().forEach(days -> days.forEach((d, n) -> {
      if (!d.isBefore(from) && !d.isAfter(to)) {
        dayCounts.merge(d, n, Long::sum);
      }
    }));
    long floor = dayCounts.values().stream().mapToLong(Long::longValue).max().orElse(0);
    return Math.max(all.getLongCardinality(), floor);
  }
}

package dev.beacon.desktop.overview;

import dev.beacon.desktop.client.VersionDay;
import dev.beacon.desktop.ui.chart.TimeSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Version adoption as shares of the machines seen each day: the top versions and "other", each
 * day's shares summing to 100% (no point on a day without machines). The top versions
 * are those with the most machines on the range's last day with any, then those with the most
 * machine-days over the range. Pure.
 */
final class Adoption {
  static final int TOP = 5;
  static final String OTHER = "other";
  /** The key of "other" among the shares: no version is called this. */
  private static final String OTHER_KEY = "\u0000other";
  static final String UNKNOWN = "(unknown)";

  private Adoption() {}

  /** The versions shown on their own, most used first (at most {@code top}). */
  static List<String> top(List<VersionDay> days, int top) {
    Map<String, Long> total = new HashMap<>();
    days.forEach(d -> d.machines().forEach((v, n) -> total.merge(v, n, Long::sum)));
    Map<String, Long> last = lastDay(days).map(VersionDay::machines).orElse(Map.of());
    return total.keySet().stream()
        .sorted(Comparator.<String>comparingLong(v -> -last.getOrDefault(v, 0L))
            .thenComparingLong(v -> -total.get(v)).thenComparing(Comparator.naturalOrder()))
        .limit(top).toList();
  }

  private static java.util.Optional<VersionDay> lastDay(List<VersionDay> days) {
    for (int i = days.size() - 1; i >= 0; i--) {
      if (days.get(i).machines().values().stream().mapToLong(Long::longValue).sum() > 0) {
        return java.util.Optional.of(days.get(i));
      }
    }
    return java.util.Optional.empty();
  }

  /** Each day's share per series, in percent: the top versions, then "other" (keyed apart) when any other version was seen. */
  static Map<String, List<TimeSeries.Point>> shares(List<VersionDay> days, int top) {
    List<String> versions = top(days, top);
    boolean others = days.stream().anyMatch(d -> d.machines().entrySet().stream()
        .anyMatch(e -> e.getValue() > 0 && !versions.contains(e.getKey())));
    Map<String, List<TimeSeries.Point>> out = new LinkedHashMap<>();
    versions.forEach(v -> out.put(v, new ArrayList<>()));
    if (others) {
      out.put(OTHER_KEY, new ArrayList<>());
    }
    for (VersionDay d : days) {
      LocalDate day = LocalDate.parse(d.date());
      long all = d.machines().values().stream().mapToLong(Long::longValue).sum();
      if (all == 0) {
        continue; // no share on a day without machines: the bands run on to the next day with some
      }
      long shown = 0;
      for (String v : versions) {
        long n = d.machines().getOrDefault(v, 0L);
        shown += n;
        out.get(v).add(new TimeSeries.Point(day, 100.0 * n / all));
      }
      if (others) {
        out.get(OTHER_KEY).add(new TimeSeries.Point(day, 100.0 * (all - shown) / all));
      }
    }
    return out;
  }

  /** The chart's series: a colour each, named by version ("(unknown)" for none), the legend showing the current share. */
  static List<TimeSeries> series(List<VersionDay> days) {
    Map<String, List<TimeSeries.Point>> shares = shares(days, TOP);
    List<TimeSeries> out = new ArrayList<>();
    int colour = 0;
    for (Map.Entry<String, List<TimeSeries.Point>> e : shares.entrySet()) {
      boolean other = e.getKey().equals(OTHER_KEY);
      String name = other ? OTHER : e.getKey().isEmpty() ? UNKNOWN : e.getKey();
      List<TimeSeries.Point> points = e.getValue();
      String current = points.isEmpty() ? "" : share(points.get(points.size() - 1).value());
      out.add(new TimeSeries(name, other ? 7 : colour++, false, current, e.getValue()));
    }
    return out;
  }

  /** "64%", "<1%" for a share above 0 that rounds to 0, "0%". */
  static String share(double percent) {
    if (percent > 0 && percent < 0.5) {
      return "<1%";
    }
    return String.format(Locale.ROOT, "%.0f%%", percent);
  }
}

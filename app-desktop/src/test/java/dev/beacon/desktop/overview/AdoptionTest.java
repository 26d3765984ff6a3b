package dev.beacon.desktop.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.client.VersionDay;
import dev.beacon.desktop.ui.chart.TimeSeries;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Version adoption as shares, without a stage. */
class AdoptionTest {
  private static VersionDay day(String date, Object... versionsAndMachines) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < versionsAndMachines.length; i += 2) {
      m.put((String) versionsAndMachines[i], ((Number) versionsAndMachines[i + 1]).longValue());
    }
    return new VersionDay(date, m);
  }

  @Test
  void topVersionsAndOtherShareEachDay() {
    List<VersionDay> days = List.of(
        day("2026-12-01", "1.0", 6, "1.1", 2, "0.9", 1, "0.8", 1, "0.7", 1, "0.6", 1, "", 2),
        day("2026-12-02"),
        day("2026-12-03", "1.1", 3, "1.0", 1));
    List<TimeSeries> series = Adoption.series(days);
    assertEquals(List.of("1.1", "1.0", "(unknown)", "0.6", "0.7", "other"), series.stream().map(TimeSeries::name).toList(),
        "the last day's versions first, then by machine-days, then by name; the rest as other");
    for (LocalDate d : List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3))) {
      double sum = series.stream().mapToDouble(s -> s.valueOn(d)).sum();
      assertEquals(100.0, sum, 1e-9, "shares of " + d);
    }
    assertTrue(series.stream().allMatch(s -> s.valueOn(LocalDate.of(2026, 12, 2)) == null), "no share on a day without machines");
    assertEquals(2.0 / 14 * 100, series.get(5).valueOn(LocalDate.of(2026, 12, 1)), 1e-9, "0.9 and 0.8 are other");
    assertEquals(List.of("75%", "25%", "0%", "0%", "0%", "0%"), series.stream().map(TimeSeries::detail).toList(),
        "the legend's current share: the last day with machines");
    assertEquals(7, series.get(5).colour(), "other in the palette's grey");
  }

  @Test
  void fewVersionsHaveNoOther() {
    List<TimeSeries> series = Adoption.series(List.of(day("2026-12-03", "2.0", 1, "1.0", 299)));
    assertEquals(List.of("1.0", "2.0"), series.stream().map(TimeSeries::name).toList());
    assertEquals(List.of("100%", "<1%"), series.stream().map(TimeSeries::detail).toList(), "1 of 300 is shown, not as 0%");
    assertTrue(Adoption.series(List.of()).isEmpty());
  }
}

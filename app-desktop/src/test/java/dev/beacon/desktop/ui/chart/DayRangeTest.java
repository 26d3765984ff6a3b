package dev.beacon.desktop.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranges of days: the previous period, pieces the server accepts, and what a custom range may be. */
class DayRangeTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

  @Test
  void thePreviousPeriodHasTheSameLengthRightBefore() {
    DayRange week = DayRange.lastDays(7, TODAY);
    assertEquals(new DayRange(LocalDate.of(2026, 11, 28), TODAY), week);
    assertEquals(new DayRange(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 27)), week.previous());
    assertEquals(7, week.previous().length());
  }

  @Test
  void longRangesComeInPieces() {
    DayRange two = new DayRange(TODAY.minusDays(729), TODAY);
    List<DayRange> pieces = two.pieces(400);
    assertEquals(List.of(new DayRange(two.from(), two.from().plusDays(399)), new DayRange(two.from().plusDays(400), TODAY)),
        pieces);
    assertEquals(List.of(two), DayRange.lastDays(30, TODAY).from(TODAY.minusDays(729)).pieces(730));
  }

  @Test
  void aCustomRangeIsCheckedWithAClearSentence() {
    assertEquals("", DayRange.problem(TODAY.minusDays(10), TODAY, TODAY));
    assertTrue(DayRange.problem(TODAY, TODAY.minusDays(1), TODAY).contains("starts after it ends"));
    assertTrue(DayRange.problem(TODAY.minusDays(1), TODAY.plusDays(1), TODAY).contains("future"));
    assertTrue(DayRange.problem(null, TODAY, TODAY).contains("both days"));
    assertTrue(DayRange.problem(TODAY.minusYears(4), TODAY, TODAY).contains("three years"));
  }
}

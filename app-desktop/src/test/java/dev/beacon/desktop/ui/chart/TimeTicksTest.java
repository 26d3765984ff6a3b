package dev.beacon.desktop.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Where the time axis ticks, without a stage. */
class TimeTicksTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

  @Test
  void aYearTicksByMonthOnTheFirst() {
    DayRange year = DayRange.lastDays(365, TODAY);
    TimeTicks.Ticks t = TimeTicks.choose(year.from(), year.to(), TimeTicks.room(1000));
    assertEquals(TimeTicks.Step.MONTH, t.step());
    assertEquals(12, t.days().size(), t.days().toString());
    assertTrue(t.days().stream().allMatch(d -> d.getDayOfMonth() == 1));
    assertEquals("Jan 2026", TimeTicks.label(t.step(), LocalDate.of(2026, 1, 1), false).replace(".", ""));
  }

  @Test
  void neverMoreThanFourteenTicksHoweverWide() {
    DayRange year = DayRange.lastDays(365, TODAY);
    assertEquals(TimeTicks.MAX_TICKS, TimeTicks.room(5000));
    assertTrue(TimeTicks.choose(year.from(), year.to(), TimeTicks.room(5000)).days().size() <= 14);
    DayRange three = new DayRange(TODAY.minusYears(3), TODAY);
    TimeTicks.Ticks t = TimeTicks.choose(three.from(), three.to(), TimeTicks.room(900));
    assertTrue(t.days().size() <= 14, t.toString());
    assertEquals(TimeTicks.Step.QUARTER, t.step());
  }

  @Test
  void shortRangesTickByDayOrWeek() {
    assertEquals(TimeTicks.Step.DAY, TimeTicks.choose(TODAY.minusDays(6), TODAY, TimeTicks.room(1000)).step());
    assertEquals(7, TimeTicks.choose(TODAY.minusDays(6), TODAY, TimeTicks.room(1000)).days().size());
    TimeTicks.Ticks month = TimeTicks.choose(TODAY.minusDays(29), TODAY, TimeTicks.room(1000));
    assertEquals(TimeTicks.Step.WEEK, month.step());
    assertTrue(month.days().stream().allMatch(d -> d.getDayOfWeek() == DayOfWeek.MONDAY));
    assertEquals(TimeTicks.Step.WEEK, TimeTicks.choose(TODAY.minusDays(89), TODAY, TimeTicks.room(1000)).step());
  }

  @Test
  void aNarrowAxisTicksMoreCoarsely() {
    assertEquals(2, TimeTicks.room(100), "two ticks at least");
    TimeTicks.Ticks narrow = TimeTicks.choose(TODAY.minusDays(89), TODAY, TimeTicks.room(300));
    assertTrue(narrow.days().size() <= 4, narrow.toString());
    assertTrue(narrow.step().compareTo(TimeTicks.Step.WEEK) > 0);
  }

  @Test
  void aSingleDayHasItsOwnTick() {
    assertEquals(java.util.List.of(TODAY), TimeTicks.choose(TODAY, TODAY, 2).days());
  }
}

package dev.beacon.desktop.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.desktop.client.ActiveDay;
import dev.beacon.desktop.client.UsageSummary;
import dev.beacon.desktop.ui.chart.DayRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Period-over-period changes on hand-built series, without a stage. */
class ChangeTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

  @Test
  void percentAgainstThePreviousPeriod() {
    assertEquals("+12% vs the week before", new Change(4210.0, 3759.0).text("the week before", false));
    assertEquals("\u221225% vs the day before", new Change(3.0, 4.0).text("the day before", false));
    assertEquals("\u00b10% vs the day before", new Change(4.0, 4.0).text("the day before", false));
    assertEquals(Change.Direction.DOWN, new Change(3.0, 4.0).direction());
  }

  @Test
  void aZeroPreviousPeriodHasNoPercentage() {
    assertEquals("up from 0 vs the week before", new Change(5.0, 0.0).text("the week before", false));
    assertEquals("\u00b10% vs the week before", new Change(0.0, 0.0).text("the week before", false));
    assertEquals(null, new Change(5.0, 0.0).percent());
    assertEquals(Change.Direction.UP, new Change(5.0, 0.0).direction());
  }

  @Test
  void aMissingDaySaysSo() {
    assertEquals("no data for the week before", new Change(5.0, null).text("the week before", false));
    assertEquals(Change.Direction.UNKNOWN, new Change(null, 5.0).direction());
    assertEquals("+3 pts vs the day before", new Change(43.0, 40.0).text("the day before", true));
  }

  private static ActiveDay day(LocalDate d, long dau, long wau, long mau, long fresh) {
    return new ActiveDay(d.toString(), dau, wau, mau, fresh);
  }

  @Test
  void tilesCompareEachFigureWithItsOwnPeriod() {
    List<ActiveDay> days = new ArrayList<>();
    for (int i = 40; i >= 0; i--) {
      LocalDate d = TODAY.minusDays(i);
      days.add(day(d, 10 + (i == 0 ? 5 : 0), 100 - i, 200 - i, i < 7 ? 2 : 1));
    }
    days.removeIf(a -> a.date().equals(TODAY.minusDays(30).toString())); // a day the server did not send
    DayRange week = DayRange.lastDays(7, TODAY);
    Map<String, Tile> tiles = OverviewData.tiles(OverviewData.byDay(days), week, new UsageSummary(3, 0, 0, 0, 0, 500, ""))
        .stream().collect(Collectors.toMap(Tile::id, t -> t));
    assertEquals("15", tiles.get("dau").value());
    assertEquals("+50% vs the day before", tiles.get("dau").change());
    assertEquals("100", tiles.get("wau").value());
    assertEquals("+8% vs the week before", tiles.get("wau").change(), "100 against 93");
    assertEquals("no data for the 30 days before", tiles.get("mau").change(), "a missing day is not a zero");
    assertEquals("14", tiles.get("new").value(), "2 a day over the week");
    assertEquals("+100% vs the week before", tiles.get("new").change(), "14 against 7");
    assertEquals("8%", tiles.get("stickiness").value(), "15 of 200");
    assertEquals("+2 pts vs the day before", tiles.get("stickiness").change(), "7.5% against 10/199 = 5.0%");
    assertEquals(7, tiles.get("dau").trend().size(), "a trend point per day of the range");
    assertEquals("3", tiles.get("online").value());
    assertEquals("", tiles.get("online").change(), "a live figure has no change");
    assertEquals("500", tiles.get("total").value());
  }

  @Test
  void newMachinesOfAPeriodWithoutAnyDayIsUnknownNotZero() {
    DayRange week = DayRange.lastDays(7, TODAY);
    List<ActiveDay> onlyThisWeek = List.of(day(TODAY, 1, 1, 1, 1));
    assertEquals(null, OverviewData.newMachines(OverviewData.byDay(onlyThisWeek), week.previous()));
    assertEquals(1.0, OverviewData.newMachines(OverviewData.byDay(onlyThisWeek), week));
  }
}

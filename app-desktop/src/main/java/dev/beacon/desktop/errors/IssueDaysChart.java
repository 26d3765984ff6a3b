package dev.beacon.desktop.errors;

import dev.beacon.desktop.client.IssueDetail;
import dev.beacon.desktop.ui.chart.TimeChart;
import dev.beacon.desktop.ui.chart.TimeSeries;
import java.time.LocalDate;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/** The selected issue's events per day (the last 30 days) on the console's time chart, with the day's count under the pointer. */
final class IssueDaysChart {
  private IssueDaysChart() {}

  /** A chart that follows {@code days} (one count per day, oldest first, as the issue's detail sends them). */
  static TimeChart of(ObservableList<IssueDetail.DayCount> days) {
    TimeChart chart = new TimeChart("issue-days", "Events per day (30 days)", TimeChart.Kind.AREAS);
    chart.setPrefHeight(200);
    days.addListener((ListChangeListener<IssueDetail.DayCount>) c -> show(chart, days));
    show(chart, days);
    return chart;
  }

  private static void show(TimeChart chart, List<IssueDetail.DayCount> days) {
    List<TimeSeries.Point> points = days.stream()
        .map(d -> new TimeSeries.Point(LocalDate.parse(d.day()), d.count())).sorted(
            java.util.Comparator.comparing(TimeSeries.Point::day)).toList();
    if (points.isEmpty()) {
      LocalDate today = LocalDate.now();
      chart.setSeries(today.minusDays(29), today, List.of());
      return;
    }
    chart.setSeries(points.get(0).day(), points.get(points.size() - 1).day(), List.of(TimeSeries.of("Events", 6, points)));
  }
}

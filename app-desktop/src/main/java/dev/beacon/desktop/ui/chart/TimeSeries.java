package dev.beacon.desktop.ui.chart;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

/**
 * One line (or band) of a {@link TimeChart}: its name in the legend and the hover box, its colour
 * (an index into the theme's chart palette), whether it is a faint comparison line (the previous
 * period, drawn dashed in its colour and left out of the legend), an optional figure for the
 * legend (e.g. a version's current share), and a value per day, oldest first.
 */
public record TimeSeries(String name, int colour, boolean faint, String detail, List<Point> points) {
  /** A day's value. */
  public record Point(LocalDate day, double value) {}

  public TimeSeries {
    points = List.copyOf(points);
    detail = detail == null ? "" : detail;
  }

  /** A plain series. */
  public static TimeSeries of(String name, int colour, List<Point> points) {
    return new TimeSeries(name, colour, false, "", points);
  }

  /** The value on {@code day}, or null when the series has none. */
  public Double valueOn(LocalDate day) {
    int i = Collections.binarySearch(points, new Point(day, 0), (a, b) -> a.day().compareTo(b.day()));
    return i >= 0 ? points.get(i).value() : null;
  }
}

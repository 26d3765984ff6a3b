package dev.beacon.desktop.overview;

import java.util.Locale;

/**
 * A figure against the same figure one period earlier, as a tile says it: "+12% vs the week
 * before". Null stands for a day the series does not have. Pure.
 */
record Change(Double current, Double previous) {
  /** Which way the figure went. */
  enum Direction { UP, DOWN, FLAT, UNKNOWN }

  Direction direction() {
    if (current == null || previous == null) {
      return Direction.UNKNOWN;
    }
    int c = Double.compare(current, previous);
    return c > 0 ? Direction.UP : c < 0 ? Direction.DOWN : Direction.FLAT;
  }

  /** The change in percent of the previous figure, rounded; null without both figures or from zero. */
  Long percent() {
    if (current == null || previous == null || previous == 0) {
      return null;
    }
    return Math.round((current - previous) / previous * 100);
  }

  /** "+12%", "\u221212%", "\u00b10%", "up from 0", or "no data" when a figure is missing. */
  String percentText() {
    if (current == null || previous == null) {
      return "no data";
    }
    if (previous == 0) {
      return current == 0 ? "\u00b10%" : "up from 0";
    }
    return signed(percent(), "%");
  }

  /** The change of a percentage in points: "+3 pts", "\u22122 pts", "\u00b10 pts". */
  String pointsText() {
    if (current == null || previous == null) {
      return "no data";
    }
    return signed(Math.round(current - previous), " pts");
  }

  /** The tile's line: "+12% vs the week before"; "no data for the week before" when a figure is missing. */
  String text(String against, boolean points) {
    if (current == null || previous == null) {
      return "no data for " + against;
    }
    return (points ? pointsText() : percentText()) + " vs " + against;
  }

  private static String signed(long n, String unit) {
    return (n > 0 ? "+" : n < 0 ? "\u2212" : "\u00b1") + String.format(Locale.ROOT, "%d", Math.abs(n)) + unit;
  }
}

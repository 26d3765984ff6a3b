package dev.beacon.desktop.overview;

import java.util.List;

/**
 * One figure of the Overview's tiles: its value, its change against the previous period of the
 * same length (empty for live figures), which way that went, and its trend over the range.
 */
public record Tile(String id, String title, String value, String change, Change.Direction direction, List<Double> trend) {
  public Tile {
    trend = List.copyOf(trend);
  }
}

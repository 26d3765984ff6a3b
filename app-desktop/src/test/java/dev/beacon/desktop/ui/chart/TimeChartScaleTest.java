package dev.beacon.desktop.ui.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The count axis's top and tick unit: whole counts, at most six steps, room above the highest point. */
class TimeChartScaleTest {
  @Test
  void countAxesTickAtWholeNiceNumbers() {
    assertArrayEquals(new double[] {5, 1}, TimeChart.countScale(0), "an empty chart");
    assertArrayEquals(new double[] {2, 1}, TimeChart.countScale(1));
    assertArrayEquals(new double[] {15, 5}, TimeChart.countScale(14), "not 2.5 apart, which would print 13, 10, 8");
    assertArrayEquals(new double[] {140, 20}, TimeChart.countScale(120));
    assertArrayEquals(new double[] {5_000, 1_000}, TimeChart.countScale(4_210));
    assertArrayEquals(new double[] {1_200_000, 200_000}, TimeChart.countScale(1_000_000));
  }
}

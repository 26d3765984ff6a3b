package dev.beacon.desktop.ui.chart;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.chart.ValueAxis;

/**
 * A chart axis over calendar days (values are epoch days): ticks by day, week, month, quarter or
 * year as the range and the axis's width allow ({@link TimeTicks}), labels always horizontal, so
 * the chart's vertical grid lines stay sparse. Its range is set, not derived from the data.
 */
public final class TimeAxis extends ValueAxis<Number> {
  private TimeTicks.Step step = TimeTicks.Step.DAY;
  private long firstTick = Long.MIN_VALUE;

  public TimeAxis() {
    setAutoRanging(false);
    setMinorTickVisible(false);
    setTickLabelRotation(0);
    setAnimated(false);
    getStyleClass().add("time-axis");
  }

  /** Shows the days from {@code from} to {@code to}, inclusive. */
  public void setDays(LocalDate from, LocalDate to) {
    double lo = from.toEpochDay();
    double hi = to.toEpochDay();
    if (hi <= lo) { // one day: give it some width
      lo -= 0.5;
      hi = lo + 1;
    }
    setLowerBound(lo);
    setUpperBound(hi);
  }

  /** The first day shown. */
  public LocalDate from() {
    return LocalDate.ofEpochDay((long) Math.ceil(getLowerBound()));
  }

  /** The last day shown. */
  public LocalDate to() {
    return LocalDate.ofEpochDay((long) Math.floor(getUpperBound()));
  }

  /** The step the ticks are at now. */
  public TimeTicks.Step step() {
    return step;
  }

  /** The day nearest to a position along the axis (in its own coordinates), within the range shown. */
  public LocalDate dayAt(double position) {
    long day = Math.round(getValueForDisplay(position).doubleValue());
    long lo = from().toEpochDay();
    long hi = to().toEpochDay();
    return LocalDate.ofEpochDay(Math.max(lo, Math.min(hi, day)));
  }

  /** The position of {@code day} along the axis, in its own coordinates. */
  public double positionOf(LocalDate day) {
    return getDisplayPosition(day.toEpochDay());
  }

  @Override
  protected List<Number> calculateTickValues(double length, Object range) {
    TimeTicks.Ticks ticks = TimeTicks.choose(from(), to(), TimeTicks.room(length));
    step = ticks.step();
    firstTick = ticks.days().isEmpty() ? Long.MIN_VALUE : ticks.days().get(0).toEpochDay();
    return ticks.days().stream().map(d -> (Number) d.toEpochDay()).toList();
  }

  @Override
  protected String getTickMarkLabel(Number value) {
    long day = value.longValue();
    return TimeTicks.label(step, LocalDate.ofEpochDay(day), day == firstTick);
  }

  @Override
  protected List<Number> calculateMinorTickMarks() {
    return List.of();
  }

  @Override
  protected Object getRange() {
    return new double[] {getLowerBound(), getUpperBound(), getScale()};
  }

  @Override
  protected void setRange(Object range, boolean animate) {
    double[] r = (double[]) range;
    setLowerBound(r[0]);
    setUpperBound(r[1]);
    currentLowerBound.set(r[0]);
    setScale(r[2]);
  }
}

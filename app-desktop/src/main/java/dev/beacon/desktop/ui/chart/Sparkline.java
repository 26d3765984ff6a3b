package dev.beacon.desktop.ui.chart;

import java.util.List;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polyline;

/** A small trend line without axes, for a figure's tile: the values scaled to the node's size. */
public final class Sparkline extends Region {
  private final Polyline line = new Polyline();
  private List<Double> values = List.of();

  public Sparkline() {
    getStyleClass().add("sparkline");
    var css = Sparkline.class.getResource("time-chart.css");
    if (css != null) {
      getStylesheets().add(css.toExternalForm());
    }
    line.getStyleClass().add("sparkline-line");
    line.setManaged(false);
    getChildren().add(line);
    setPrefSize(96, 26);
    setMinSize(40, 16);
  }

  public void setValues(List<Double> values) {
    this.values = List.copyOf(values);
    requestLayout();
  }

  public List<Double> values() {
    return values;
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth() - snappedLeftInset() - snappedRightInset();
    double h = getHeight() - snappedTopInset() - snappedBottomInset();
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double min = Math.min(0, values.stream().mapToDouble(Double::doubleValue).min().orElse(0));
    double span = max - min == 0 ? 1 : max - min;
    Double[] xy = new Double[values.size() * 2];
    for (int i = 0; i < values.size(); i++) {
      xy[2 * i] = snappedLeftInset() + (values.size() == 1 ? w / 2 : w * i / (values.size() - 1));
      xy[2 * i + 1] = snappedTopInset() + h - h * (values.get(i) - min) / span;
    }
    line.getPoints().setAll(xy);
  }
}

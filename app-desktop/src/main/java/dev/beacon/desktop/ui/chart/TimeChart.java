package dev.beacon.desktop.ui.chart;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;

/**
 * A chart of values per day over a {@link TimeAxis}: lines (with optional faint previous-period
 * lines), filled areas, or stacked shares (percentages summing to 100). Under the pointer a
 * crosshair marks the day and a box lists every shown series' value that day. Below the plot a
 * legend names each series in its colour (with an optional figure) and hides or shows it on a
 * click. Colours come from the theme's chart palette, so it fits the light and dark themes.
 */
public final class TimeChart extends VBox {
  /** How the series are drawn. */
  public enum Kind { LINES, AREAS, SHARES }

  private static final String CSS = "time-chart.css";
  private static final DateTimeFormatter HOVER_DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
  /** A count axis has at most this many steps. */
  private static final int STEPS = 6;

  private final Kind kind;
  private final TimeAxis xAxis = new TimeAxis();
  private final NumberAxis yAxis = new NumberAxis();
  private final XYChart<Number, Number> chart;
  private final Pane overlay = new Pane();
  private final Line crosshair = new Line();
  private final VBox box = new VBox(2);
  private final FlowPane legend = new FlowPane(14, 4);
  private final DoubleFunction<String> format;
  private final Set<Integer> hidden = new HashSet<>();
  private final ReadOnlyObjectWrapper<LocalDate> hovered = new ReadOnlyObjectWrapper<>(this, "hovered");
  private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
  private List<TimeSeries> series = List.of();
  private List<XYChart.Series<Number, Number>> drawn = List.of();

  /** An empty chart; {@code id} names it for CSS and tests ({@code #id}), {@code title} heads it. */
  public TimeChart(String id, String title, Kind kind) {
    this.kind = kind;
    setId(id);
    getStyleClass().add("time-chart");
    var css = TimeChart.class.getResource(CSS);
    if (css != null) {
      getStylesheets().add(css.toExternalForm());
    }
    chart = switch (kind) {
      case LINES -> {
        LineChart<Number, Number> c = new LineChart<>(xAxis, yAxis);
        c.setCreateSymbols(false);
        yield c;
      }
      case AREAS -> {
        AreaChart<Number, Number> c = new AreaChart<>(xAxis, yAxis);
        c.setCreateSymbols(false);
        yield c;
      }
      case SHARES -> {
        StackedAreaChart<Number, Number> c = new StackedAreaChart<>(xAxis, yAxis);
        c.setCreateSymbols(false);
        yield c;
      }
    };
    chart.setTitle(title);
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.setAlternativeRowFillVisible(false);
    chart.setHorizontalZeroLineVisible(false);
    chart.setVerticalZeroLineVisible(false);
    chart.getStyleClass().add("time-chart-plot");
    if (kind == Kind.SHARES) {
      format = v -> String.format(Locale.getDefault(Locale.Category.FORMAT), "%.1f%%", v);
      yAxis.setAutoRanging(false);
      yAxis.setLowerBound(0);
      yAxis.setUpperBound(100);
      yAxis.setTickUnit(25);
      yAxis.setTickLabelFormatter(converter(v -> Math.round(v) + "%"));
    } else {
      NumberFormat counts = NumberFormat.getIntegerInstance(Locale.getDefault(Locale.Category.FORMAT));
      format = v -> counts.format(Math.round(v));
      yAxis.setForceZeroInRange(true);
      yAxis.setTickLabelFormatter(converter(format));
    }
    yAxis.setMinorTickVisible(false);
    yAxis.setAnimated(false);

    crosshair.getStyleClass().add("time-chart-crosshair");
    box.getStyleClass().add("time-chart-hover");
    box.setId(id + "-hover");
    overlay.getChildren().addAll(crosshair, box);
    overlay.setMouseTransparent(true);
    overlay.setPickOnBounds(false);
    hover(null);
    chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointerAt(e.getSceneX(), e.getSceneY()));
    chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> pointerAt(e.getSceneX(), e.getSceneY()));
    chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(null));

    legend.getStyleClass().add("time-chart-legend");
    StackPane plot = new StackPane(chart, overlay);
    VBox.setVgrow(plot, javafx.scene.layout.Priority.ALWAYS);
    getChildren().addAll(plot, legend);
  }

  private static StringConverter<Number> converter(DoubleFunction<String> f) {
    return new StringConverter<>() {
      @Override
      public String toString(Number n) {
        return n == null ? "" : f.apply(n.doubleValue());
      }

      @Override
      public Number fromString(String s) {
        throw new UnsupportedOperationException();
      }
    };
  }

  /** Shows {@code series} over the days {@code from} to {@code to}. FX thread. */
  public void setSeries(LocalDate from, LocalDate to, List<TimeSeries> series) {
    this.series = List.copyOf(series);
    xAxis.setDays(from, to);
    if (kind != Kind.SHARES) {
      double max = series.stream().flatMap(s -> s.points().stream()).mapToDouble(TimeSeries.Point::value).max().orElse(0);
      double[] scale = countScale(max);
      yAxis.setAutoRanging(false);
      yAxis.setLowerBound(0);
      yAxis.setUpperBound(scale[0]);
      yAxis.setTickUnit(scale[1]);
    }
    List<XYChart.Series<Number, Number>> all = new ArrayList<>(series.size());
    for (TimeSeries s : series) {
      List<XYChart.Data<Number, Number>> data = new ArrayList<>(s.points().size());
      for (TimeSeries.Point p : s.points()) {
        data.add(new XYChart.Data<>(p.day().toEpochDay(), p.value()));
      }
      XYChart.Series<Number, Number> fx = new XYChart.Series<>(s.name(), javafx.collections.FXCollections.observableList(data));
      all.add(fx);
    }
    chart.getData().setAll(all);
    drawn = all;
    for (int i = 0; i < series.size(); i++) {
      paint(series.get(i), drawn.get(i).getNode());
    }
    hidden.retainAll(series.stream().map(TimeSeries::colour).toList());
    applyHidden();
    buildLegend();
    LocalDate was = hovered.get();
    hover(was == null || was.isBefore(from) || was.isAfter(to) ? null : was);
  }

  /**
   * The top and the tick unit of a count axis from 0 to at least {@code max}: a whole 1, 2 or 5
   * times a power of ten, so that ticks never fall between two counts, at most {@link #STEPS} of them.
   */
  static double[] countScale(double max) {
    if (max <= 0) {
      return new double[] {STEPS - 1, 1};
    }
    double unit = 1;
    while (Math.ceil(max / unit) > STEPS) {
      double mantissa = unit / Math.pow(10, Math.floor(Math.log10(unit) + 1e-9));
      unit *= mantissa == 2 ? 2.5 : 2; // 1, 2, 5, 10, 20, 50, ...
    }
    double top = Math.ceil(max / unit) * unit;
    return new double[] {top == max ? top + unit : top, unit}; // room above the highest point
  }

  /** Colours a series' node from the palette: inline, so it survives the chart's own colour classes. */
  private void paint(TimeSeries s, Node node) {
    if (node == null) {
      return;
    }
    String c = palette(s.colour());
    if (node instanceof Group g && g.getChildren().size() >= 2) { // an area: fill, then its top line
      g.getChildren().get(0).setStyle("-fx-fill: " + c + (kind == Kind.SHARES ? "-alpha70;" : "-alpha20;"));
      g.getChildren().get(1).setStyle("-fx-stroke: " + c + "; -fx-stroke-width: 1.5px;");
    } else {
      node.setStyle(s.faint()
          ? "-fx-stroke: " + c + "; -fx-stroke-width: 1.5px; -fx-opacity: 0.45; -fx-stroke-dash-array: 6 5;"
          : "-fx-stroke: " + c + "; -fx-stroke-width: 2px;");
    }
  }

  /** The theme's chart colour for an index: {@code -color-chart-1} ... {@code -color-chart-8}. */
  static String palette(int colour) {
    return "-color-chart-" + (Math.floorMod(colour, 8) + 1);
  }

  private void buildLegend() {
    legend.getChildren().clear();
    Set<Integer> seen = new HashSet<>();
    boolean anyFaint = false;
    for (TimeSeries s : series) {
      anyFaint |= s.faint();
      if (s.faint() || !seen.add(s.colour())) {
        continue;
      }
      Label item = new Label(s.detail().isEmpty() ? s.name() : s.name() + "  " + s.detail());
      item.setGraphic(swatch(s.colour(), false));
      item.getStyleClass().add("time-chart-legend-item");
      item.setUserData(s.colour());
      item.pseudoClassStateChanged(OFF, hidden.contains(s.colour()));
      item.setOnMouseClicked(e -> toggle(s.colour()));
      legend.getChildren().add(item);
    }
    if (anyFaint) {
      Label prev = new Label("previous period");
      prev.setGraphic(swatch(-1, true));
      prev.getStyleClass().addAll("time-chart-legend-item", "time-chart-legend-previous");
      legend.getChildren().add(prev);
    }
  }

  private static final javafx.css.PseudoClass OFF = javafx.css.PseudoClass.getPseudoClass("off");

  private static Region swatch(int colour, boolean faint) {
    Region r = new Region();
    r.getStyleClass().add(faint ? "time-chart-swatch-faint" : "time-chart-swatch");
    if (colour >= 0) {
      r.setStyle("-fx-background-color: " + palette(colour) + ";");
    }
    return r;
  }

  /** Hides or shows the series of this colour (a line and its previous-period line together), as a click on its legend item does. */
  public void toggle(int colour) {
    if (!hidden.remove(colour)) {
      hidden.add(colour);
    }
    applyHidden();
    legend.getChildren().forEach(n -> n.pseudoClassStateChanged(OFF, n.getUserData() instanceof Integer c && hidden.contains(c)));
    hover(hovered.get());
  }

  private void applyHidden() {
    for (int i = 0; i < series.size(); i++) {
      Node n = drawn.get(i).getNode();
      if (n != null) {
        n.setVisible(!hidden.contains(series.get(i).colour()));
      }
    }
  }

  /** Whether the series named {@code name} is shown (not hidden through the legend). */
  public boolean isShown(String name) {
    return series.stream().filter(s -> s.name().equals(name)).anyMatch(s -> !hidden.contains(s.colour()));
  }

  private void pointerAt(double sceneX, double sceneY) {
    Node plot = chart.lookup(".chart-plot-background");
    if (plot == null || series.isEmpty() || !plot.localToScene(plot.getLayoutBounds()).contains(sceneX, sceneY)) {
      hover(null);
      return;
    }
    hover(xAxis.dayAt(xAxis.sceneToLocal(sceneX, sceneY).getX()));
  }

  /** Marks {@code day} (null: none) and lists the shown series' values on it, as the pointer does. FX thread. */
  public void hover(LocalDate day) {
    hovered.set(day);
    Node plot = chart.lookup(".chart-plot-background");
    if (day == null || plot == null || series.isEmpty()) {
      crosshair.setVisible(false);
      box.setVisible(false);
      hoverText.set("");
      return;
    }
    StringBuilder text = new StringBuilder(HOVER_DAY.format(day));
    Label title = new Label(HOVER_DAY.format(day));
    title.getStyleClass().add("time-chart-hover-day");
    GridPane rows = new GridPane();
    rows.setHgap(8);
    int r = 0;
    for (TimeSeries s : series) {
      if (hidden.contains(s.colour())) {
        continue;
      }
      Double v = s.valueOn(day);
      String value = v == null ? "\u2013" : format.apply(v);
      text.append('\n').append(s.name()).append(": ").append(value);
      Label name = new Label(s.name());
      name.setGraphic(swatch(s.colour(), s.faint()));
      Label figure = new Label(value);
      figure.getStyleClass().add("time-chart-hover-value");
      rows.addRow(r++, name, figure);
    }
    box.getChildren().setAll(title, rows);
    hoverText.set(text.toString());

    Bounds p = overlay.sceneToLocal(plot.localToScene(plot.getLayoutBounds()));
    double x = overlay.sceneToLocal(xAxis.localToScene(xAxis.positionOf(day), 0)).getX();
    crosshair.setStartX(x);
    crosshair.setEndX(x);
    crosshair.setStartY(p.getMinY());
    crosshair.setEndY(p.getMaxY());
    crosshair.setVisible(true);
    box.applyCss();
    box.autosize();
    double w = box.prefWidth(-1);
    box.relocate(x + 12 + w > p.getMaxX() ? x - 12 - w : x + 12, p.getMinY() + 8);
    box.setVisible(true);
  }

  /** The day under the pointer, or null. */
  public ReadOnlyObjectProperty<LocalDate> hoveredProperty() {
    return hovered.getReadOnlyProperty();
  }

  /** The hover box as text: the day, then "name: value" per shown series; empty when nothing is hovered. */
  public ReadOnlyStringProperty hoverTextProperty() {
    return hoverText.getReadOnlyProperty();
  }

  /** Where on the screen {@code day} is, halfway up the plot: for pointing at a day. */
  public Point2D screenPointOf(LocalDate day) {
    Node plot = chart.lookup(".chart-plot-background");
    Bounds p = plot.localToScreen(plot.getLayoutBounds());
    double x = xAxis.localToScreen(xAxis.positionOf(day), 0).getX();
    return new Point2D(x, (p.getMinY() + p.getMaxY()) / 2);
  }

  /** The series shown now. */
  public List<TimeSeries> series() {
    return series;
  }

  /** The legend's texts, in order. */
  public List<String> legendTexts() {
    return legend.getChildren().stream().map(n -> ((Label) n).getText()).toList();
  }

  public TimeAxis timeAxis() {
    return xAxis;
  }
}

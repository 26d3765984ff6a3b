package dev.beacon.desktop.overview;

import atlantafx.base.theme.Styles;
import dev.beacon.desktop.client.UsageSummary;
import dev.beacon.desktop.ui.AppPicker;
import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.ModelScreen;
import dev.beacon.desktop.ui.StatusLine;
import dev.beacon.desktop.ui.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Overview: for the chosen app, tiles (online now, DAU, WAU, MAU, stickiness, new machines, all
 * machines), daily/weekly/monthly active machines over 7, 30, 90 or 365 days, and version
 * adoption; refreshed every minute while shown.
 */
public final class OverviewScreen extends ModelScreen<OverviewModel> {
  /** How often the screen refreshes itself while shown. */
  public static final Duration REFRESH_EVERY = Duration.seconds(60);

  private final ConsoleContext ctx;
  private final Timeline refresher = new Timeline();
  private AppPicker picker;

  public OverviewScreen(ConsoleContext ctx) {
    super("overview", "Overview", new OverviewModel(ctx));
    this.ctx = ctx;
    refresher.getKeyFrames().add(new KeyFrame(REFRESH_EVERY, e -> model.load()));
    refresher.setCycleCount(Timeline.INDEFINITE);
    ctx.currentAppProperty().addListener((o, was, now) -> {
      if (picker != null) {
        model.load();
      }
    });
  }

  @Override
  public void shown() {
    picker.reload();
    model.load();
    refresher.playFromStart();
  }

  @Override
  public void hidden() {
    refresher.stop();
  }

  @Override
  public Node view() {
    picker = new AppPicker(ctx);
    ToggleGroup ranges = new ToggleGroup();
    HBox rangeBox = new HBox();
    rangeBox.getStyleClass().add("range-picker");
    for (int d : OverviewModel.RANGES) {
      ToggleButton b = new ToggleButton(d == 365 ? "1 year" : d + " days");
      b.setId("range-" + d);
      b.setToggleGroup(ranges);
      b.setUserData(d);
      b.setSelected(d == model.daysProperty().get());
      rangeBox.getChildren().add(b);
    }
    ranges.selectedToggleProperty().addListener((o, was, now) -> {
      if (now == null) {
        ranges.selectToggle(was); // one range is always chosen
      } else {
        model.daysProperty().set((Integer) now.getUserData());
      }
    });

    FlowPane tiles = new FlowPane(12, 12);
    tiles.setId("tiles");
    tiles.getChildren().addAll(
        tile("online", "Online now", s -> Long.toString(s.onlineNow())),
        tile("dau", "DAU", s -> Long.toString(s.dau())),
        tile("wau", "WAU", s -> Long.toString(s.wau())),
        tile("mau", "MAU", s -> Long.toString(s.mau())),
        tile("stickiness", "Stickiness", model.stickinessBinding()),
        tile("total", "All machines", s -> Long.toString(s.totalMachines())),
        tile("new", "New machines", model.newMachinesBinding()));

    LineChart<String, Number> activeChart = new LineChart<>(new CategoryAxis(), new NumberAxis());
    activeChart.setId("activeChart");
    activeChart.setTitle("Active machines");
    activeChart.setCreateSymbols(false);
    activeChart.setAnimated(false);
    activeChart.setPrefHeight(280);
    model.activeSeriesBinding().subscribe(series -> activeChart.getData().setAll(chart(series)));

    StackedBarChart<String, Number> versionChart = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    versionChart.setId("versionChart");
    versionChart.setTitle("Version adoption (machines per day)");
    versionChart.setAnimated(false);
    versionChart.setCategoryGap(1);
    versionChart.setPrefHeight(260);
    model.adoptionBinding().subscribe(series -> versionChart.getData().setAll(chart(series)));

    Label empty = new Label("No app yet \u2014 create one on the Apps screen, then send heartbeats from your software.");
    empty.getStyleClass().add(Styles.TEXT_MUTED);
    empty.visibleProperty().bind(ctx.currentAppProperty().isNull());
    empty.managedProperty().bind(empty.visibleProperty());

    VBox page = new VBox(14, Views.titleBar("Overview", model.busyProperty()), new HBox(12, picker, rangeBox), empty,
        StatusLine.problem("overviewProblem", model.problemProperty()), tiles, activeChart, versionChart);
    page.setPadding(new Insets(16, 24, 24, 24));
    page.getStyleClass().add("overview-screen");
    ScrollPane scroll = new ScrollPane(page);
    scroll.setFitToWidth(true);
    return scroll;
  }

  private static List<XYChart.Series<String, Number>> chart(List<OverviewModel.Series> series) {
    List<XYChart.Series<String, Number>> all = new ArrayList<>();
    for (OverviewModel.Series one : series) {
      XYChart.Series<String, Number> s = new XYChart.Series<>();
      s.setName(one.name());
      one.points().forEach(p -> s.getData().add(new XYChart.Data<>(p.day(), p.value())));
      all.add(s);
    }
    return all;
  }

  private Node tile(String id, String title, Function<UsageSummary, String> value) {
    return tile(id, title, Bindings.createStringBinding(() -> value.apply(model.summaryProperty().get()), model.summaryProperty()));
  }

  private static Node tile(String id, String title, ObservableStringValue text) {
    Label value = new Label("0");
    value.setId("tile-" + id);
    value.getStyleClass().addAll(Styles.TITLE_2, "tile-value");
    value.textProperty().bind(text);
    Label t = new Label(title);
    t.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    VBox box = new VBox(4, t, value);
    box.getStyleClass().add("tile");
    box.setPrefWidth(118);
    return box;
  }
}

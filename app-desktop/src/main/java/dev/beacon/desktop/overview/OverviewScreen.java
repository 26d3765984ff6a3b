package dev.beacon.desktop.overview;

import atlantafx.base.theme.Styles;
import dev.beacon.desktop.ui.AppPicker;
import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.Screen;
import dev.beacon.desktop.ui.StatusLine;
import dev.beacon.desktop.ui.Views;
import java.util.List;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
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
public final class OverviewScreen implements Screen {
  /** How often the screen refreshes itself while shown. */
  public static final Duration REFRESH_EVERY = Duration.seconds(60);

  private final ConsoleContext ctx;
  private final OverviewModel model;
  private final Timeline refresher = new Timeline();
  private AppPicker picker;

  public OverviewScreen(ConsoleContext ctx) {
    this.ctx = ctx;
    this.model = new OverviewModel(ctx);
    refresher.getKeyFrames().add(new KeyFrame(REFRESH_EVERY, e -> model.load()));
    refresher.setCycleCount(Timeline.INDEFINITE);
    ctx.currentAppProperty().addListener((o, was, now) -> {
      if (picker != null) {
        model.load();
      }
    });
  }

  @Override
  public String id() {
    return "overview";
  }

  @Override
  public String title() {
    return "Overview";
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

  /** The model (for tests). */
  public OverviewModel model() {
    return model;
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
        tile("stickiness", "Stickiness", s -> Stats.percent(s.stickiness())),
        tile("total", "All machines", s -> Long.toString(s.totalMachines())));
    Label newMachines = tileValue("tile-new");
    model.activeProperty().subscribe(a -> newMachines.setText(Long.toString(Stats.newMachines(a))));
    tiles.getChildren().add(tileBox("New machines", newMachines));

    LineChart<String, Number> activeChart = new LineChart<>(new CategoryAxis(), new NumberAxis());
    activeChart.setId("activeChart");
    activeChart.setTitle("Active machines");
    activeChart.setCreateSymbols(false);
    activeChart.setAnimated(false);
    activeChart.setPrefHeight(280);
    model.activeProperty().subscribe(days -> activeChart.getData().setAll(
        series("DAU", days, Stats.Active::dau), series("WAU", days, Stats.Active::wau), series("MAU", days, Stats.Active::mau)));

    StackedBarChart<String, Number> versionChart = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    versionChart.setId("versionChart");
    versionChart.setTitle("Version adoption (machines per day)");
    versionChart.setAnimated(false);
    versionChart.setCategoryGap(1);
    versionChart.setPrefHeight(260);
    model.versionsProperty().subscribe(days -> {
      List<XYChart.Series<String, Number>> all = new java.util.ArrayList<>();
      for (String v : Stats.versionNames(days)) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(v.isEmpty() ? "(unknown)" : v);
        for (Stats.VersionDay d : days) {
          s.getData().add(new XYChart.Data<>(day(d.date()), d.machines().getOrDefault(v, 0L)));
        }
        all.add(s);
      }
      versionChart.getData().setAll(all);
    });

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

  private static XYChart.Series<String, Number> series(String name, List<Stats.Active> days, Function<Stats.Active, Long> value) {
    XYChart.Series<String, Number> s = new XYChart.Series<>();
    s.setName(name);
    for (Stats.Active d : days) {
      s.getData().add(new XYChart.Data<>(day(d.date()), value.apply(d)));
    }
    return s;
  }

  /** "11-23" for "2026-11-23": short enough to stay horizontal on the axis. */
  static String day(String date) {
    return date != null && date.matches("\\d{4}-\\d\\d-\\d\\d") ? date.substring(5) : date;
  }

  private Node tile(String id, String title, Function<Stats.Summary, String> value) {
    Label v = tileValue("tile-" + id);
    model.summaryProperty().subscribe(s -> v.setText(value.apply(s)));
    return tileBox(title, v);
  }

  private static Label tileValue(String id) {
    Label v = new Label("0");
    v.setId(id);
    v.getStyleClass().addAll(Styles.TITLE_2, "tile-value");
    return v;
  }

  private static Node tileBox(String title, Label value) {
    Label t = new Label(title);
    t.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    VBox box = new VBox(4, t, value);
    box.getStyleClass().add("tile");
    box.setPrefWidth(118);
    return box;
  }
}

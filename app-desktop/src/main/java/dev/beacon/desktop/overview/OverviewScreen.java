package dev.beacon.desktop.overview;

import atlantafx.base.theme.Styles;
import dev.beacon.desktop.ui.AppPicker;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.ModelScreen;
import dev.beacon.desktop.ui.StatusLine;
import dev.beacon.desktop.ui.Views;
import dev.beacon.desktop.ui.chart.ChartExport;
import dev.beacon.desktop.ui.chart.Sparkline;
import dev.beacon.desktop.ui.chart.TimeChart;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * Overview: for the chosen app, tiles (online now, DAU, WAU, MAU, stickiness, all machines, new
 * machines; each with its change against the previous period and a trend line), DAU/WAU/MAU over
 * 7, 30, 90 or 365 days or a custom range (optionally with the previous period drawn faintly), and
 * version adoption as shares; the charts export as PNG, the series as CSV. The app list and the
 * figures reload when the screen is shown and every minute while it is.
 */
public final class OverviewScreen extends ModelScreen<OverviewModel> {
  /** How often the screen refreshes itself while shown. */
  public static final Duration REFRESH_EVERY = Duration.seconds(60);
  private static final PseudoClass UP = PseudoClass.getPseudoClass("up");
  private static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");

  private final ConsoleContext ctx;
  private final Timeline refresher = new Timeline();
  private AppPicker picker;
  private TimeChart activeChart;
  private TimeChart adoptionChart;
  private Function<FileChooser, File> saveDialog;
  /** The custom range's row, shown while "Custom…" is chosen. */
  private final HBox custom = new HBox(8);

  public OverviewScreen(ConsoleContext ctx) {
    super("overview", "Overview", new OverviewModel(ctx));
    this.ctx = ctx;
    refresher.getKeyFrames().add(new KeyFrame(REFRESH_EVERY, e -> refresh()));
    refresher.setCycleCount(Timeline.INDEFINITE);
    ctx.currentAppProperty().addListener((o, was, now) -> {
      if (picker != null) {
        model.load();
      }
    });
  }

  @Override
  public void shown() {
    refresh();
    refresher.playFromStart();
  }

  @Override
  public void hidden() {
    refresher.stop();
  }

  /** What the periodic refresh does: the app list (apps made elsewhere appear) and the figures. */
  public void refresh() {
    picker.reload();
    model.load();
  }

  /** Replaces the save dialog (tests answer it themselves): given the chooser, returns the file or null. */
  public void setSaveDialog(Function<FileChooser, File> dialog) {
    this.saveDialog = dialog;
  }

  @Override
  public Node view() {
    picker = new AppPicker(ctx);
    activeChart = new TimeChart("activeChart", "Active machines", TimeChart.Kind.LINES);
    activeChart.setPrefHeight(340);
    model.activeSeriesBinding().subscribe(series -> {
      OverviewData d = model.dataProperty().get();
      activeChart.setSeries(d.range().from(), d.range().to(), series);
    });
    adoptionChart = new TimeChart("versionChart", "Version adoption (share of machines)", TimeChart.Kind.SHARES);
    adoptionChart.setPrefHeight(300);
    model.dataProperty().subscribe(d -> adoptionChart.setSeries(d.range().from(), d.range().to(), d.adoption()));

    FlowPane tiles = new FlowPane(12, 12);
    tiles.setId("tiles");
    model.dataProperty().subscribe(d -> tiles.getChildren().setAll(d.tiles().stream().map(OverviewScreen::tile).toList()));

    Label empty = new Label("No app yet \u2014 create one on the Apps screen, then send heartbeats from your software.");
    empty.getStyleClass().add(Styles.TEXT_MUTED);
    empty.visibleProperty().bind(ctx.currentAppProperty().isNull());
    empty.managedProperty().bind(empty.visibleProperty());

    ProgressBar progress = new ProgressBar();
    progress.setId("overviewProgress");
    progress.progressProperty().bind(model.progressProperty());
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.setPrefHeight(4);
    progress.visibleProperty().bind(model.busyProperty());
    progress.managedProperty().bind(progress.visibleProperty());

    Label notice = new Label();
    notice.setId("overviewNotice");
    notice.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    notice.textProperty().bind(model.noticeProperty());

    VBox page = new VBox(14, Views.titleBar("Overview", model.busyProperty(), notice, exports()), toolbar(), customRange(),
        progress, empty, StatusLine.problem("overviewProblem", model.problemProperty()), tiles, activeChart, adoptionChart);
    page.setPadding(new Insets(16, 24, 24, 24));
    page.getStyleClass().add("overview-screen");
    var css = OverviewScreen.class.getResource("overview.css");
    if (css != null) {
      page.getStylesheets().add(css.toExternalForm());
    }
    ScrollPane scroll = new ScrollPane(page);
    scroll.setFitToWidth(true);
    return scroll;
  }

  private Node toolbar() {
    ToggleGroup ranges = new ToggleGroup();
    HBox rangeBox = new HBox();
    rangeBox.getStyleClass().add("range-picker");
    for (int d : OverviewModel.RANGES) {
      rangeBox.getChildren().add(rangeButton(ranges, d == 365 ? "1 year" : d + " days", "range-" + d, d));
    }
    rangeBox.getChildren().add(rangeButton(ranges, "Custom\u2026", "range-custom", 0));
    ranges.selectedToggleProperty().addListener((o, was, now) -> {
      if (now == null) {
        ranges.selectToggle(was); // one range is always chosen
      } else if ((Integer) now.getUserData() > 0) {
        custom.setVisible(false);
        model.daysProperty().set((Integer) now.getUserData());
      } else {
        custom.setVisible(true);
      }
    });
    model.daysProperty().subscribe(d -> ranges.getToggles().stream().filter(t -> t.getUserData().equals(d.intValue()))
        .findFirst().ifPresent(ranges::selectToggle));

    CheckBox compare = new CheckBox("Compare with the previous period");
    compare.setId("compare");
    compare.selectedProperty().bindBidirectional(model.compareProperty());
    FlowPane bar = new FlowPane(12, 8, picker, rangeBox, compare);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private static ToggleButton rangeButton(ToggleGroup group, String text, String id, int days) {
    ToggleButton b = new ToggleButton(text);
    b.setId(id);
    b.setToggleGroup(group);
    b.setUserData(days);
    b.setMinWidth(Region.USE_PREF_SIZE);
    return b;
  }

  /** The custom range: two date pickers, Show, and what is wrong with the days typed. */
  private Node customRange() {
    DatePicker from = new DatePicker(model.rangeProperty().get().from());
    from.setId("range-from");
    DatePicker to = new DatePicker(model.rangeProperty().get().to());
    to.setId("range-to");
    for (DatePicker p : List.of(from, to)) {
      p.setPrefWidth(140);
      p.setEditable(true);
    }
    model.rangeProperty().subscribe(r -> {
      if (model.daysProperty().get() > 0) {
        from.setValue(r.from());
        to.setValue(r.to());
      }
    });
    Button show = new Button("Show");
    show.setId("range-show");
    show.setDefaultButton(false);
    show.setOnAction(e -> {
      commit(from);
      commit(to);
      model.showRange(from.getValue(), to.getValue());
    });
    Label why = StatusLine.problem("range-problem", model.rangeProblemProperty());
    custom.getChildren().setAll(new Label("From"), from, new Label("to"), to, show, why);
    custom.setAlignment(Pos.CENTER_LEFT);
    custom.setVisible(model.daysProperty().get() == 0);
    custom.managedProperty().bind(custom.visibleProperty());
    return custom;
  }

  /** Takes the text typed into a date picker as its value (a picker keeps the old value until Enter or focus leaves). */
  private static void commit(DatePicker p) {
    String text = p.getEditor().getText();
    try {
      p.setValue(text == null || text.isBlank() ? null : p.getConverter().fromString(text));
    } catch (java.time.format.DateTimeParseException bad) {
      p.setValue(null);
    }
  }

  private Node exports() {
    Button activePng = new Button("Active machines PNG\u2026");
    activePng.setId("export-active-png");
    activePng.setOnAction(e -> exportPng(activeChart, "active-machines.png"));
    Button adoptionPng = new Button("Adoption PNG\u2026");
    adoptionPng.setId("export-adoption-png");
    adoptionPng.setOnAction(e -> exportPng(adoptionChart, "version-adoption.png"));
    Button csv = new Button("CSV\u2026");
    csv.setId("export-csv");
    csv.setTooltip(new javafx.scene.control.Tooltip("DAU, WAU, MAU and new machines per day of the range, as the server's CSV"));
    csv.setOnAction(e -> {
      File f = ask("active-machines.csv", new FileChooser.ExtensionFilter("CSV", "*.csv"));
      if (f != null) {
        model.exportCsv(f.toPath());
      }
    });
    for (Button b : List.of(activePng, adoptionPng, csv)) {
      b.getStyleClass().add(Styles.SMALL);
      b.disableProperty().bind(ctx.currentAppProperty().isNull());
    }
    HBox row = new HBox(8, activePng, adoptionPng, csv);
    row.setAlignment(Pos.CENTER_RIGHT);
    return row;
  }

  /** Snapshots {@code chart} now and writes it as PNG in the background. */
  private void exportPng(TimeChart chart, String name) {
    File f = ask(name, new FileChooser.ExtensionFilter("PNG image", "*.png"));
    if (f == null) {
      return;
    }
    WritableImage image = ChartExport.snapshot(chart);
    Path file = f.toPath();
    Background.run(ctx, () -> {
      ChartExport.writePng(image, file);
      return file;
    }, p -> model.noticeProperty().set("Saved " + p.getFileName()), null, model.problemProperty());
  }

  private File ask(String name, FileChooser.ExtensionFilter type) {
    FileChooser fc = new FileChooser();
    fc.setTitle("Export");
    fc.setInitialFileName(name);
    fc.getExtensionFilters().add(type);
    if (saveDialog != null) {
      return saveDialog.apply(fc);
    }
    return fc.showSaveDialog(activeChart.getScene() == null ? null : activeChart.getScene().getWindow());
  }

  /** The active-machines chart. */
  public TimeChart activeChart() {
    return activeChart;
  }

  /** The version-adoption chart. */
  public TimeChart adoptionChart() {
    return adoptionChart;
  }

  /** The app list. */
  public AppPicker picker() {
    return picker;
  }

  private static Node tile(Tile t) {
    Label value = new Label(t.value());
    value.setId("tile-" + t.id());
    value.getStyleClass().addAll(Styles.TITLE_2, "tile-value");
    Label title = new Label(t.title());
    title.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    VBox box = new VBox(2, title, value);
    Label change = new Label(t.change());
    change.setId("tile-" + t.id() + "-change");
    change.getStyleClass().addAll(Styles.TEXT_SMALL, "tile-change");
    change.pseudoClassStateChanged(UP, t.direction() == Change.Direction.UP);
    change.pseudoClassStateChanged(DOWN, t.direction() == Change.Direction.DOWN);
    change.setVisible(!t.change().isEmpty());
    change.setWrapText(true);
    box.getChildren().add(change);
    Sparkline trend = new Sparkline();
    trend.setId("tile-" + t.id() + "-trend");
    trend.setValues(t.trend());
    trend.setVisible(t.trend().size() > 1);
    box.getChildren().add(trend);
    box.getStyleClass().add("tile");
    box.setPrefWidth(156);
    return box;
  }
}

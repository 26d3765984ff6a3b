package dev.beacon.desktop.errors;

import dev.beacon.desktop.ui.Rows;
import dev.beacon.desktop.ui.StatusLine;
import dev.beacon.desktop.ui.AppPicker;
import io.vertx.core.json.JsonObject;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Errors screen's view over {@link ErrorsModel}: filters in a tool bar, the grouped issues
 * table beside the selected issue's detail (stack trace, counts per version and per day, events,
 * resolve/ignore/reopen), and a second tab with the raw error log list.
 */
final class ErrorsView extends BorderPane {
  private final ErrorsModel model;
  final AppPicker picker;
  final TableView<JsonObject> table = new TableView<>(); // issues
  final TableView<JsonObject> logTable = new TableView<>();
  final TextArea stack = monospace("issue-stack");
  final TextArea logStack = monospace("log-stack");
  private final Label emptyText = new Label();
  private final TextArea curl = new TextArea();

  ErrorsView(ErrorsModel model) {
    this.model = model;
    this.picker = new AppPicker(model.context());
    setId("errors-view");
    getStyleClass().add("errors-view");
    var css = ErrorsView.class.getResource("errors.css");
    if (css != null) {
      getStylesheets().add(css.toExternalForm());
    }
    setTop(toolbar());
    Tab issuesTab = new Tab("Issues", issuesPane());
    issuesTab.setId("errors-issues-tab");
    Tab logsTab = new Tab("Raw logs", logsPane());
    logsTab.setId("errors-logs-tab");
    TabPane tabs = new TabPane(issuesTab, logsTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (now == logsTab) {
        model.refreshLogs();
      }
    });
    setCenter(tabs);
    model.context().currentAppProperty().addListener((o, was, now) -> {
      model.select(null); // the shown issue belonged to the other app
      model.refresh();
      if (tabs.getSelectionModel().getSelectedItem() == logsTab) {
        model.refreshLogs();
      }
    });
  }

  private static TextArea monospace(String id) {
    TextArea t = new TextArea();
    t.setId(id);
    t.setEditable(false);
    t.setWrapText(false);
    t.getStyleClass().add("mono");
    t.setPrefRowCount(12);
    return t;
  }

  private static DatePicker datePicker(String id, String prompt, javafx.beans.property.Property<java.time.LocalDate> value) {
    DatePicker p = new DatePicker();
    p.setId(id);
    p.setPromptText(prompt);
    p.setPrefWidth(130);
    p.valueProperty().bindBidirectional(value);
    return p;
  }

  private Region toolbar() {
    ChoiceBox<String> status = new ChoiceBox<>();
    status.setId("errors-status");
    status.getItems().setAll(ErrorsModel.STATUSES);
    status.valueProperty().bindBidirectional(model.status);
    TextField version = new TextField();
    version.setId("errors-version");
    version.setPromptText("Version");
    version.setPrefColumnCount(7);
    version.textProperty().bindBidirectional(model.version);
    DatePicker since = datePicker("errors-since", "Seen since", model.since);
    DatePicker until = datePicker("errors-until", "Seen until", model.until);
    TextField search = new TextField();
    search.setId("errors-search");
    search.setPromptText("Search title or message");
    search.setPrefColumnCount(16);
    search.textProperty().bindBidirectional(model.search);
    ChoiceBox<String> order = new ChoiceBox<>();
    order.setId("errors-order");
    order.getItems().setAll(ErrorsModel.ORDERS);
    order.valueProperty().bindBidirectional(model.order);
    order.setConverter(new javafx.util.StringConverter<>() { // "last_seen" reads "last seen"
      @Override
      public String toString(String o) {
        return o == null ? "" : o.replace('_', ' ');
      }

      @Override
      public String fromString(String s) {
        return s == null ? null : s.replace(' ', '_');
      }
    });
    Button refresh = new Button("_Refresh");
    refresh.setId("errors-refresh");
    refresh.setOnAction(e -> model.refresh());

    // typing waits for a pause; choices reload at once
    PauseTransition typing = new PauseTransition(Duration.millis(350));
    typing.setOnFinished(e -> model.refresh());
    model.search.addListener((o, was, now) -> typing.playFromStart());
    search.setOnAction(e -> {
      typing.stop();
      model.refresh();
    });
    version.setOnAction(e -> model.refresh());
    model.status.addListener((o, was, now) -> model.refresh());
    model.order.addListener((o, was, now) -> model.refresh());
    model.since.addListener((o, was, now) -> model.refresh());
    model.until.addListener((o, was, now) -> model.refresh());

    FlowPane bar = new FlowPane(8, 8, picker, new Label("Status"), status, version, since, until, search,
        new Label("Sort"), order, refresh, new StatusLine("errors", model.busy, model.problem));
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));
    bar.getStyleClass().add("errors-toolbar");
    return bar;
  }

  private Region issuesPane() {
    table.setId("errors-issues");
    table.setItems(model.issues);
    table.getColumns().setAll(java.util.List.of(
        Rows.column("Issue", "title", 240),
        Rows.column("Culprit", "culprit", 150),
        Rows.column("Status", r -> Rows.text(r, "status") + (r.getBoolean("regression", false) ? " (regression)" : ""), 90),
        Rows.number("Events", "count", 55),
        Rows.number("Machines", "machines", 65),
        Rows.column("Versions", "versions", 80),
        Rows.column("First seen", r -> shortDate(Rows.text(r, "firstSeen")), 85),
        Rows.column("Last seen", r -> shortDate(Rows.text(r, "lastSeen")), 85)));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (now != null) {
        model.select(now);
      }
    });
    table.setPlaceholder(emptyState());
    model.anyIssue.addListener((o, was, now) -> updateEmptyText());
    model.context().currentAppProperty().addListener((o, was, now) -> updateEmptyText());
    model.context().publicUrlProperty().addListener((o, was, now) -> updateEmptyText());
    updateEmptyText();

    Label count = new Label();
    count.setId("errors-count");
    count.textProperty().bind(Bindings.createStringBinding(
        () -> model.issues.size() + " of " + model.total.get() + " issues", model.issues, model.total));
    Button more = new Button("Load _more");
    more.setId("errors-more");
    more.disableProperty().bind(Bindings.createBooleanBinding(model::more, model.issues, model.total));
    more.setOnAction(e -> model.loadMore());
    HBox foot = new HBox(8, count, more);
    foot.setAlignment(Pos.CENTER_LEFT);
    foot.setPadding(new Insets(6, 0, 0, 0));
    VBox left = new VBox(table, foot);
    VBox.setVgrow(table, Priority.ALWAYS);
    left.setPadding(new Insets(0, 0, 8, 8));

    SplitPane split = new SplitPane(left, detailPane());
    split.setDividerPositions(0.6);
    return split;
  }

  private Region emptyState() {
    emptyText.setId("errors-empty");
    emptyText.setWrapText(true);
    emptyText.getStyleClass().add("empty-title");
    curl.setId("errors-curl");
    curl.setEditable(false);
    curl.setWrapText(true);
    curl.setPrefRowCount(4);
    curl.getStyleClass().add("mono");
    Button copy = new Button("Copy command");
    copy.setOnAction(e -> copy(curl.getText()));
    VBox box = new VBox(8, emptyText, new Label("Send a test report from a terminal:"), curl, copy);
    box.setMaxWidth(520);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setPadding(new Insets(16));
    return box;
  }

  private void updateEmptyText() {
    if (model.context().currentAppProperty().get() == null) {
      emptyText.setText("No app chosen — create an app on the Apps screen, then pick it above.");
    } else if (model.anyIssue.get()) {
      emptyText.setText("No issues match these filters — try status \"all\" or clear the search.");
    } else {
      emptyText.setText("No errors reported for this app yet.");
    }
    curl.setText(model.testReportCurl());
  }

  private Region detailPane() {
    Label none = new Label("Select an issue to see its stack trace, versions and events.");
    none.getStyleClass().add("empty-title");
    Label title = new Label();
    title.setId("issue-title");
    title.getStyleClass().add("issue-title");
    title.setWrapText(true);
    Label meta = new Label();
    meta.setId("issue-meta");
    meta.setWrapText(true);
    Button resolve = new Button("Re_solve");
    resolve.setId("issue-resolve");
    resolve.setOnAction(e -> model.act("resolve"));
    Button ignore = new Button("_Ignore");
    ignore.setId("issue-ignore");
    ignore.setOnAction(e -> model.act("ignore"));
    Button reopen = new Button("Re_open");
    reopen.setId("issue-reopen");
    reopen.setOnAction(e -> model.act("reopen"));
    Button copy = new Button("_Copy stack");
    copy.setId("issue-copy");
    copy.setOnAction(e -> copy(stack.getText()));
    HBox actions = new HBox(8, resolve, ignore, reopen, new Region(), copy);
    HBox.setHgrow(actions.getChildren().get(3), Priority.ALWAYS);

    TableView<JsonObject> versions = new TableView<>();
    versions.setId("issue-versions");
    versions.getColumns().setAll(java.util.List.of(Rows.column("Version", "version", 90), Rows.number("Events", "count", 60),
        Rows.column("First seen", "firstSeen", 130), Rows.column("Last seen", "lastSeen", 130)));
    versions.setPrefHeight(130);
    versions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis();
    y.setMinorTickVisible(false);
    y.setTickUnit(1);
    BarChart<String, Number> days = new BarChart<>(x, y);
    days.setId("issue-days");
    days.setTitle("Events per day (30 days)");
    days.setLegendVisible(false);
    days.setAnimated(false);
    days.setPrefHeight(180);
    days.setBarGap(1);
    days.setCategoryGap(2);

    TableView<JsonObject> events = new TableView<>(model.events);
    events.setId("issue-events");
    events.getColumns().setAll(java.util.List.of(Rows.column("When", "createDate", 130), Rows.column("Version", "appVersion", 70),
        Rows.column("OS", "osInfo", 150), Rows.column("Machine", "machineHash", 100), Rows.column("Message", "message", 200)));
    events.setPrefHeight(160);
    events.setPlaceholder(new Label("No events within retention."));
    events.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (now != null) {
        stack.setText(Rows.text(now, "stack").isEmpty() ? Rows.text(now, "context") : Rows.text(now, "stack"));
      }
    });

    VBox body = new VBox(8, title, meta, actions, new Label("Stack trace (newest event)"), stack,
        new Label("Per version"), versions, days, new Label("Newest events"), events);
    body.setPadding(new Insets(8));
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    body.setVisible(false);
    StackPane pane = new StackPane(none, scroll);
    scroll.visibleProperty().bind(model.detail.isNotNull());
    none.visibleProperty().bind(model.detail.isNull());
    body.visibleProperty().bind(model.detail.isNotNull());

    model.detail.addListener((o, was, d) -> {
      if (d == null) {
        stack.clear();
        versions.getItems().clear();
        days.getData().clear();
        return;
      }
      JsonObject issue = d.getJsonObject("issue", new JsonObject());
      JsonObject latest = d.getJsonObject("latestEvent");
      String status = issue.getString("status", "");
      title.setText(issue.getString("title", ""));
      meta.setText(status + (issue.getBoolean("regression", false) ? " (regression)" : "")
          + " · " + issue.getValue("count") + " events on " + issue.getValue("machines") + " machines"
          + (latest == null ? "" : " · version " + Rows.text(latest, "appVersion") + " · " + Rows.text(latest, "osInfo"))
          + " · first " + Rows.text(issue, "firstSeen") + " · last " + Rows.text(issue, "lastSeen")
          + (issue.getString("resolvedVersion") == null ? "" : " · resolved in " + issue.getString("resolvedVersion")));
      resolve.setDisable("resolved".equals(status));
      ignore.setDisable("ignored".equals(status));
      reopen.setDisable("unresolved".equals(status));
      stack.setText(latest == null ? "(the events of this issue are past retention)"
          : Rows.text(latest, "stack").isEmpty() ? Rows.text(latest, "context") : Rows.text(latest, "stack"));
      versions.getItems().setAll(Rows.objects(d, "versionCounts"));
      XYChart.Series<String, Number> series = new XYChart.Series<>();
      for (JsonObject day : Rows.objects(d, "dailyCounts")) {
        String date = day.getString("day", "");
        series.getData().add(new XYChart.Data<>(date.length() >= 10 ? date.substring(5) : date, day.getLong("count", 0L)));
      }
      days.getData().setAll(java.util.List.of(series));
    });
    return pane;
  }

  private Region logsPane() {
    logTable.setId("errors-logs");
    logTable.setItems(model.logs);
    logTable.getColumns().setAll(java.util.List.of(
        Rows.column("When", "createDate", 130),
        Rows.column("Source", "source", 70),
        Rows.column("Version", "appVersion", 70),
        Rows.column("Device", "deviceId", 110),
        Rows.column("Package", "appPackage", 110),
        Rows.column("Context", "context", 320)));
    logTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    logTable.setPlaceholder(new Label("No error logs for this app (the version and date filters above apply)."));
    logTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
        logStack.setText(now == null ? "" : Rows.text(now, "stack").isEmpty() ? Rows.text(now, "context") : Rows.text(now, "stack")));
    Label count = new Label();
    count.setId("logs-count");
    count.textProperty().bind(Bindings.createStringBinding(
        () -> model.logs.size() + " of " + model.logsTotal.get() + " logs", model.logs, model.logsTotal));
    Button more = new Button("Load more");
    more.setId("logs-more");
    more.disableProperty().bind(Bindings.createBooleanBinding(() -> model.logs.size() >= model.logsTotal.get(),
        model.logs, model.logsTotal));
    more.setOnAction(e -> model.moreLogs());
    Button reload = new Button("Reload");
    reload.setOnAction(e -> model.refreshLogs());
    HBox foot = new HBox(8, count, more, reload);
    foot.setAlignment(Pos.CENTER_LEFT);
    VBox top = new VBox(6, logTable, foot);
    VBox.setVgrow(logTable, Priority.ALWAYS);
    SplitPane split = new SplitPane(top, logStack);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.6);
    split.setPadding(new Insets(0, 8, 8, 8));
    return split;
  }

  /** "2026-11-23 11:37:40" as "11-23 11:37" for the table (the detail shows the full time). */
  static String shortDate(String full) {
    return full.length() >= 16 ? full.substring(5, 16) : full;
  }

  static void copy(String text) {
    ClipboardContent c = new ClipboardContent();
    c.putString(text == null ? "" : text);
    Clipboard.getSystemClipboard().setContent(c);
  }
}

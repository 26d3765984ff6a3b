package dev.beacon.desktop.errors;

import dev.beacon.desktop.client.ErrorEvent;
import dev.beacon.desktop.client.Issue;
import dev.beacon.desktop.client.IssueDetail;
import dev.beacon.desktop.client.IssuesApi.Action;
import dev.beacon.desktop.ui.StatusLine;
import dev.beacon.desktop.ui.AppPicker;
import dev.beacon.desktop.ui.Columns;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
  final TableView<Issue> table = new TableView<>(); // issues
  final TableView<ErrorEvent> logTable = new TableView<>();
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
    TextField environment = new TextField();
    environment.setId("errors-environment");
    environment.setPromptText("Environment");
    environment.setPrefColumnCount(8);
    environment.textProperty().bindBidirectional(model.environment);
    environment.setOnAction(e -> model.refresh());
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

    FlowPane bar = new FlowPane(8, 8, picker, new Label("Status"), status, version, environment, since, until, search,
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
        Columns.text("Issue", Issue::title, 200),
        Columns.text("Culprit", Issue::culprit, 130),
        Columns.text("Status", ErrorsModel::statusText, 100),
        Columns.number("Events", Issue::count, 55),
        Columns.number("Machines", Issue::machines, 65),
        Columns.text("Versions", i -> String.join(", ", i.versions()), 80),
        Columns.text("First seen", i -> ErrorsModel.shortDate(i.firstSeen()), 85),
        Columns.text("Last seen", i -> ErrorsModel.shortDate(i.lastSeen()), 85)));
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
    emptyText.setText(model.emptyText());
    curl.setText(model.testReportCurl());
  }

  private Region detailPane() {
    Label none = new Label("Select an issue to see its stack trace, versions and events.");
    none.getStyleClass().add("empty-title");
    Label title = new Label();
    title.setId("issue-title");
    title.textProperty().bind(model.title);
    title.getStyleClass().add("issue-title");
    title.setWrapText(true);
    Label meta = new Label();
    meta.setId("issue-meta");
    meta.setWrapText(true);
    meta.textProperty().bind(model.meta);
    Button resolve = new Button("Re_solve");
    resolve.setId("issue-resolve");
    resolve.setOnAction(e -> model.act(Action.RESOLVE));
    resolve.disableProperty().bind(model.canResolve.not());
    Button ignore = new Button("_Ignore");
    ignore.setId("issue-ignore");
    ignore.setOnAction(e -> model.act(Action.IGNORE));
    ignore.disableProperty().bind(model.canIgnore.not());
    Button reopen = new Button("Re_open");
    reopen.setId("issue-reopen");
    reopen.setOnAction(e -> model.act(Action.REOPEN));
    reopen.disableProperty().bind(model.canReopen.not());
    Button copy = new Button("_Copy stack");
    copy.setId("issue-copy");
    copy.setOnAction(e -> copy(stack.getText()));
    stack.textProperty().bind(model.stack);
    HBox actions = new HBox(8, resolve, ignore, reopen, new Region(), copy);
    HBox.setHgrow(actions.getChildren().get(3), Priority.ALWAYS);

    TableView<IssueDetail.VersionCount> versions = new TableView<>(model.versionCounts);
    versions.setId("issue-versions");
    versions.getColumns().setAll(java.util.List.of(Columns.text("Version", IssueDetail.VersionCount::version, 90),
        Columns.number("Events", IssueDetail.VersionCount::count, 60),
        Columns.text("First seen", IssueDetail.VersionCount::firstSeen, 130),
        Columns.text("Last seen", IssueDetail.VersionCount::lastSeen, 130)));
    versions.setPrefHeight(130);
    versions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

    var days = IssueDaysChart.of(model.dailyCounts);

    TableView<ErrorEvent> events = new TableView<>(model.events);
    events.setId("issue-events");
    events.getColumns().setAll(java.util.List.of(Columns.text("When", ErrorEvent::createDate, 130),
        Columns.text("Version", ErrorEvent::appVersion, 70), Columns.text("OS", ErrorEvent::osInfo, 150),
        Columns.text("Machine", ErrorEvent::machineHash, 100), Columns.text("Message", ErrorEvent::message, 200)));
    events.setPrefHeight(160);
    events.setPlaceholder(new Label("No events within retention."));
    events.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.showEvent(now));

    TextArea details = monospace("issue-event-details");
    details.textProperty().bind(model.eventDetails);
    details.setPrefRowCount(8);
    details.visibleProperty().bind(model.eventDetails.isNotEmpty());
    details.managedProperty().bind(details.visibleProperty());
    ListView<ErrorEvent.Attachment> files = new ListView<>(model.attachments);
    files.setId("issue-attachments");
    files.setPrefHeight(70);
    files.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
      @Override
      protected void updateItem(ErrorEvent.Attachment a, boolean empty) {
        super.updateItem(a, empty);
        setText(empty || a == null ? null : a.label());
      }
    });
    Button download = new Button("_Download");
    download.setId("issue-download");
    download.disableProperty().bind(files.getSelectionModel().selectedItemProperty().isNull());
    download.setOnAction(e -> {
      ErrorEvent.Attachment a = files.getSelectionModel().getSelectedItem();
      javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
      chooser.setInitialFileName(a.filename());
      java.io.File target = chooser.showSaveDialog(files.getScene() == null ? null : files.getScene().getWindow());
      if (target != null) {
        model.download(a, target.toPath());
      }
    });
    VBox attachmentBox = new VBox(6, new Label("Attachments"), files, download);
    attachmentBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.attachments));
    attachmentBox.managedProperty().bind(attachmentBox.visibleProperty());

    VBox body = new VBox(8, title, meta, actions, new Label("Stack trace (newest event)"), stack, details, attachmentBox,
        new Label("Per version"), versions, days, new Label("Newest events"), events);
    body.setPadding(new Insets(8));
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    body.setVisible(false);
    StackPane pane = new StackPane(none, scroll);
    scroll.visibleProperty().bind(model.detail.isNotNull());
    none.visibleProperty().bind(model.detail.isNull());
    body.visibleProperty().bind(model.detail.isNotNull());
    return pane;
  }

  private Region logsPane() {
    logTable.setId("errors-logs");
    logTable.setItems(model.logs);
    logTable.getColumns().setAll(java.util.List.of(
        Columns.text("When", ErrorEvent::createDate, 130),
        Columns.text("Source", ErrorEvent::source, 70),
        Columns.text("Version", ErrorEvent::appVersion, 70),
        Columns.text("Device", ErrorEvent::deviceId, 110),
        Columns.text("Package", ErrorEvent::appPackage, 110),
        Columns.text("Context", ErrorEvent::context, 320)));
    logTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    logTable.setPlaceholder(new Label("No error logs for this app (the version and date filters above apply)."));
    logTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.showLog(now));
    logStack.textProperty().bind(model.logStack);
    Label count = new Label();
    count.setId("logs-count");
    count.textProperty().bind(Bindings.createStringBinding(
        () -> model.logs.size() + " of " + model.logsTotal.get() + " logs", model.logs, model.logsTotal));
    Button more = new Button("Load more");
    more.setId("logs-more");
    more.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.moreLogsToLoad(), model.logs, model.logsTotal));
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

  static void copy(String text) {
    ClipboardContent c = new ClipboardContent();
    c.putString(text == null ? "" : text);
    Clipboard.getSystemClipboard().setContent(c);
  }
}

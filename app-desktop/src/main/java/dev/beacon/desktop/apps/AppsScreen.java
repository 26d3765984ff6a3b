package dev.beacon.desktop.apps;

import atlantafx.base.theme.Styles;
import dev.beacon.desktop.client.App;
import dev.beacon.desktop.ui.Columns;
import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.FormDialog;
import dev.beacon.desktop.ui.ModelScreen;
import dev.beacon.desktop.ui.StatusLine;
import dev.beacon.desktop.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Apps: the developer's apps in a table; create, edit, delete (confirmed), freeze/unfreeze for
 * admins; the selected app's key and Sentry DSN with copy buttons (the DSN also rotated, after
 * asking), and the "Integrate" snippets for this server's address: Beacon's own API and the
 * Sentry SDKs' setup.
 */
public final class AppsScreen extends ModelScreen<AppsModel> {
  private final ConsoleContext ctx;

  public AppsScreen(ConsoleContext ctx) {
    super("apps", "Apps", new AppsModel(ctx));
    this.ctx = ctx;
  }

  @Override
  public void shown() {
    model.load();
  }

  @Override
  public Node view() {
    TableView<App> table = new TableView<>(model.apps());
    table.setId("appsTable");
    table.getColumns().add(Columns.text("Name", App::name, 130));
    table.getColumns().add(Columns.text("Platform", App::platformName, 75));
    table.getColumns().add(Columns.text("Key", App::appKey, 150));
    table.getColumns().add(Columns.text("Created", App::createDate, 145));
    table.getColumns().add(Columns.text("Status", a -> a.frozen() ? "Frozen" : "Active", 65));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Label empty = new Label("No apps yet \u2014 create one with New app.");
    empty.setId("appsEmpty");
    table.setPlaceholder(empty);
    table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (now != null) {
        model.selectedProperty().set(now);
      }
    });
    model.selectedProperty().addListener((o, was, now) -> {
      if (now != null && table.getItems().contains(now) && table.getSelectionModel().getSelectedItem() != now) {
        table.getSelectionModel().select(now);
      }
    });
    model.apps().addListener((javafx.collections.ListChangeListener<App>) c -> {
      App s = model.selectedProperty().get();
      if (s != null) {
        table.getItems().stream().filter(a -> a.appId().equals(s.appId())).findFirst()
            .ifPresent(a -> table.getSelectionModel().select(a));
      }
    });

    Button create = new Button("_New app");
    create.setId("newApp");
    create.getStyleClass().add(Styles.ACCENT);
    create.setOnAction(e -> AppDialog.open(window(table), model, null));
    Button refresh = new Button("Refresh");
    refresh.setOnAction(e -> model.load());
    HBox title = Views.titleBar("Apps", model.busyProperty(), create, refresh);

    VBox left = new VBox(10, title, StatusLine.problem("appsProblem", model.problemProperty()), table);
    VBox.setVgrow(table, Priority.ALWAYS);
    left.setPadding(new Insets(16, 12, 16, 24));

    SplitPane split = new SplitPane(left, detail(table));
    split.setDividerPositions(0.6);
    split.getStyleClass().add("apps-screen");
    return split;
  }

  private Node detail(TableView<App> table) {
    Label name = new Label();
    name.setId("appTitle");
    name.getStyleClass().add(Styles.TITLE_4);
    name.textProperty().bind(model.titleBinding());
    StringProperty key = new SimpleStringProperty("");
    key.bind(model.keyBinding());
    Label keyLabel = new Label();
    keyLabel.setId("appKey");
    keyLabel.getStyleClass().add("mono");
    keyLabel.textProperty().bind(key);
    HBox keyRow = new HBox(8, new Label("App key"), keyLabel, Views.copyButton("copyAppKey", "Copy", key));
    keyRow.setAlignment(Pos.CENTER_LEFT);

    StringProperty dsn = new SimpleStringProperty("");
    dsn.bind(model.dsnBinding());
    Label dsnLabel = new Label();
    dsnLabel.setId("appDsn");
    dsnLabel.getStyleClass().add("mono");
    dsnLabel.textProperty().bind(dsn);
    Button rotate = new Button("Rotate");
    rotate.setId("rotateDsn");
    rotate.setOnAction(e -> FormDialog.confirm(window(table), "Rotate the DSN key?",
        "Software still sending with the current DSN is refused from now on; give it the new DSN.",
        "Rotate", model::rotateDsn));
    rotate.disableProperty().bind(model.busyProperty());
    HBox dsnRow = new HBox(8, new Label("Sentry DSN"), dsnLabel, Views.copyButton("copyDsn", "Copy", dsn), rotate);
    dsnRow.setAlignment(Pos.CENTER_LEFT);

    Button edit = new Button("_Edit");
    edit.setId("editApp");
    edit.setOnAction(e -> AppDialog.open(window(table), model, model.selectedProperty().get()));
    Button delete = new Button("_Delete");
    delete.setId("deleteApp");
    delete.getStyleClass().add(Styles.DANGER);
    delete.setOnAction(e -> {
      App a = model.selectedProperty().get();
      FormDialog.confirm(window(table), "Delete " + a.name() + "?",
          "This deletes the app with its versions, modules, statistics and error reports. It cannot be undone.",
          "Delete", () -> model.delete(a));
    });
    Button freeze = new Button();
    freeze.setId("freezeApp");
    freeze.setOnAction(e -> model.toggleFreeze());
    freeze.textProperty().bind(Bindings.when(model.frozenBinding()).then("Un_freeze").otherwise("_Freeze"));
    HBox actions = new HBox(8, edit, delete, freeze);

    TabPane snippets = new TabPane();
    snippets.setId("integrate");
    snippets.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    for (String lang : Snippets.forApp("", "").keySet()) {
      snippets.getTabs().add(snippetTab(lang, "snippet-" + lang.replace("#", "sharp").toLowerCase(java.util.Locale.ROOT),
          "Copy " + lang, model.snippet(lang)));
    }
    for (String lang : Snippets.sentry("").keySet()) {
      snippets.getTabs().add(snippetTab("Sentry " + lang, "sentry-" + lang.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT),
          "Copy", model.sentrySnippet(lang)));
    }
    Label integrate = new Label("Integrate");
    integrate.getStyleClass().add(Styles.TITLE_4);
    Label hint = new Label();
    hint.setWrapText(true);
    hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    hint.textProperty().bind(model.reachedAtBinding());

    VBox detail = new VBox(10, name, keyRow, dsnRow, actions, integrate, hint, snippets);
    VBox.setVgrow(snippets, Priority.ALWAYS);
    detail.setPadding(new Insets(16, 24, 16, 12));
    detail.visibleProperty().bind(model.selectedProperty().isNotNull());
    edit.disableProperty().bind(model.busyProperty());
    delete.disableProperty().bind(model.busyProperty());
    freeze.visibleProperty().bind(Bindings.createBooleanBinding(model::admin, ctx.clientProperty()));
    freeze.managedProperty().bind(freeze.visibleProperty());
    return detail;
  }

  /** A tab of the Integrate panel: the code (read-only, monospace) and its copy button. */
  private static Tab snippetTab(String title, String id, String copyLabel, javafx.beans.value.ObservableValue<String> code) {
    StringProperty text = new SimpleStringProperty("");
    text.bind(code);
    TextArea area = new TextArea();
    area.setId(id);
    area.setEditable(false);
    area.getStyleClass().add("mono");
    area.textProperty().bind(text);
    Button copy = Views.copyButton("copy-" + id, copyLabel, text);
    VBox box = new VBox(6, area, copy);
    VBox.setVgrow(area, Priority.ALWAYS);
    box.setPadding(new Insets(8, 0, 0, 0));
    return new Tab(title, box);
  }

  private static javafx.stage.Window window(Node n) {
    return n.getScene() == null ? null : n.getScene().getWindow();
  }
}

package dev.beacon.desktop.health;

import dev.beacon.desktop.client.HealthApi;
import dev.beacon.desktop.client.HealthVersion;
import dev.beacon.desktop.client.VersionAction;
import dev.beacon.desktop.ui.AppPicker;
import dev.beacon.desktop.ui.Columns;
import dev.beacon.desktop.ui.StatusLine;
import dev.beacon.desktop.ui.Views;
import dev.beacon.desktop.ui.chart.Sparkline;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Health screen's view over {@link HealthModel}: the app (or module) and the window in a tool
 * bar, then one row per version with its rollout, machines and share, machines with errors, the
 * error-free and crash-free rates, new issues and regressions, trends as sparklines, the previous
 * version at the same age, with Halt / Resume / Complete beside the rollout. A row worse than the
 * version before is red ({@code health-worse}).
 */
final class HealthView extends VBox {
  static final String WORSE = "health-worse";

  final AppPicker picker;
  final TableView<HealthVersion> table;

  HealthView(HealthModel model) {
    super(10);
    setId("health-view");
    var css = HealthView.class.getResource("health.css");
    if (css != null) {
      getStylesheets().add(css.toExternalForm());
    }
    picker = new AppPicker(model.context());
    ComboBox<HealthModel.Target> target = new ComboBox<>(model.targets());
    target.setId("health-target");
    target.valueProperty().bindBidirectional(model.targetProperty());
    ChoiceBox<String> window = new ChoiceBox<>();
    window.setId("health-window");
    window.getItems().setAll(HealthApi.WINDOWS);
    window.valueProperty().bindBidirectional(model.windowProperty());
    window.setTooltip(new Tooltip("24h: today and yesterday; 7d and 30d: the last 7 or 30 days"));
    Button refresh = new Button("Refresh");
    refresh.setId("health-refresh");
    refresh.setOnAction(e -> model.refresh());

    table = new TableView<>(model.versions());
    table.setId("health-table");
    fit(Columns.text("Version", HealthVersion::version, 90));
    fit(Columns.text("Rollout", HealthVersion::rolloutText, 120));
    table.getColumns().add(actions(model));
    fit(Columns.number("Machines", HealthVersion::machines, 90));
    fit(Columns.text("Error-free", v -> HealthVersion.percent(v.errorFreeRate()), 90));
    fit(Columns.number("With errors", HealthVersion::errorMachines, 100));
    fit(Columns.text("Share", v -> HealthVersion.percent(v.share()), 70));
    table.getColumns().add(trend("Machines per day", d -> (double) d.machines()));
    table.getColumns().add(trend("Errors per day", d -> (double) d.errorMachines()));
    table.getColumns().add(Columns.text("Previous at the same age", HealthView::previous, 260));
    fit(Columns.text("Crash-free sessions", v -> HealthVersion.percent(v.crashFreeSessions()), 150));
    fit(Columns.text("Crash-free machines", v -> HealthVersion.percent(v.crashFreeMachines()), 155));
    fit(Columns.text("New issues", v -> count(v.newIssues()), 90));
    fit(Columns.text("Regressions", v -> count(v.regressions()), 100));
    fit(Columns.text("Channel", HealthVersion::channel, 80));
    table.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(HealthVersion v, boolean empty) {
        super.updateItem(v, empty);
        getStyleClass().remove(WORSE);
        setTooltip(null);
        if (!empty && v != null && v.worse()) {
          getStyleClass().add(WORSE);
          setTooltip(new Tooltip(v.version() + " is worse than " + v.previous().version() + " was at the same age"));
        }
      }
    });
    Label empty = new Label();
    empty.textProperty().bind(Bindings.createStringBinding(() -> model.context().currentAppProperty().get() == null
        ? "No app chosen \u2014 create one on the Apps screen." : "No versions yet \u2014 create one on the Releases screen.",
        model.context().currentAppProperty()));
    table.setPlaceholder(empty);
    VBox.setVgrow(table, Priority.ALWAYS);

    HBox tools = new HBox(10, picker, target, new Label("Window"), window, refresh);
    tools.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    getChildren().addAll(Views.titleBar("Health", model.busyProperty()), tools,
        StatusLine.problem("health-problem", model.problemProperty()), table);
    setPadding(new Insets(16, 24, 16, 24));
  }

  /** Adds a column that never narrows below its figures (nor, as every column, below its header). */
  private void fit(TableColumn<HealthVersion, ?> c) {
    c.setMinWidth(Math.max(c.getMinWidth(), Math.min(c.getPrefWidth(), 90)));
    table.getColumns().add(c);
  }

  private static String count(Long n) {
    return n == null ? "\u2013" : Long.toString(n);
  }

  /** The previous version's figures at the same age, in a line: "1.5.0: 98.0% error-free, 120 machines". */
  static String previous(HealthVersion v) {
    HealthVersion p = v.previous();
    return p == null ? "" : p.version() + ": " + HealthVersion.percent(p.errorFreeRate()) + " error-free, " + p.machines() + " machines";
  }

  private static TableColumn<HealthVersion, HealthVersion> trend(String title, Function<HealthVersion.HealthDay, Double> value) {
    TableColumn<HealthVersion, HealthVersion> c = new TableColumn<>(title);
    c.setPrefWidth(130);
    Columns.headerFits(c);
    c.setSortable(false);
    c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
    c.setCellFactory(col -> new TableCell<>() {
      private final Sparkline line = new Sparkline();

      @Override
      protected void updateItem(HealthVersion v, boolean empty) {
        super.updateItem(v, empty);
        if (empty || v == null) {
          setGraphic(null);
          setTooltip(null);
        } else {
          line.setValues(v.trend().stream().map(value).toList());
          setGraphic(line);
          setTooltip(new Tooltip(String.join("\n", v.trend().stream()
              .map(d -> d.date() + ": " + d.machines() + " machines, " + d.errorMachines() + " with errors").toList())));
        }
      }
    });
    return c;
  }

  private static TableColumn<HealthVersion, HealthVersion> actions(HealthModel model) {
    TableColumn<HealthVersion, HealthVersion> c = new TableColumn<>("Actions");
    c.setPrefWidth(300);
    c.setMinWidth(300); // the three buttons
    c.setSortable(false);
    c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
    c.setCellFactory(col -> new TableCell<>() {
      private final Button halt = new Button("Halt");
      private final Button resume = new Button("Resume");
      private final Button complete = new Button("Complete");
      private final HBox buttons = new HBox(6, halt, resume, complete);

      {
        halt.getStyleClass().add("danger");
        halt.setOnAction(e -> model.act(getItem(), VersionAction.halt()));
        resume.setOnAction(e -> model.act(getItem(), VersionAction.resume()));
        complete.setOnAction(e -> model.act(getItem(), VersionAction.complete()));
      }

      @Override
      protected void updateItem(HealthVersion v, boolean empty) {
        super.updateItem(v, empty);
        if (empty || v == null) {
          setGraphic(null);
        } else {
          String id = v.version().replaceAll("[^A-Za-z0-9_-]", "_");
          halt.setId("health-halt-" + id);
          resume.setId("health-resume-" + id);
          complete.setId("health-complete-" + id);
          halt.setDisable(!HealthModel.allowed(v, "halt"));
          resume.setDisable(!HealthModel.allowed(v, "resume"));
          complete.setDisable(!HealthModel.allowed(v, "complete"));
          setGraphic(buttons);
        }
      }
    });
    return c;
  }
}

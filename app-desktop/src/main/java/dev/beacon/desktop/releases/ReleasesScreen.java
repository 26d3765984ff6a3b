package dev.beacon.desktop.releases;

import atlantafx.base.theme.Styles;
import dev.beacon.desktop.client.Version;
import dev.beacon.desktop.ui.AppPicker;
import dev.beacon.desktop.ui.Columns;
import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.FormDialog;
import dev.beacon.desktop.ui.ModelScreen;
import dev.beacon.desktop.ui.StatusLine;
import dev.beacon.desktop.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

/**
 * Releases: for the chosen app and module, the versions with a release switch per row (the
 * server's refusal turns it back, with the reason in place), channel, rollout, the machines on
 * each, force update, device targeting, md5; create and edit with package uploads and packages per
 * platform; delete after confirming. Below, the selected version's rollout (percentage, Roll out,
 * Halt, Resume, Complete, Roll back; packages with hashes; history) and the app's update feeds.
 */
public final class ReleasesScreen extends ModelScreen<ReleasesModel> {
  private final ConsoleContext ctx;
  private AppPicker picker;

  public ReleasesScreen(ConsoleContext ctx) {
    super("releases", "Releases", new ReleasesModel(ctx));
    this.ctx = ctx;
    ctx.currentAppProperty().addListener((o, was, now) -> {
      if (picker != null && (was == null || now == null || !was.appId().equals(now.appId()))) {
        model.moduleProperty().set(ModuleRef.APP);
        model.load();
      }
    });
  }

  @Override
  public void shown() {
    picker.reload();
    model.load();
  }

  @Override
  public Node view() {
    picker = new AppPicker(ctx);
    ComboBox<ModuleRef> module = new ComboBox<>(model.modules());
    module.setId("moduleChooser");
    module.valueProperty().bindBidirectional(model.moduleProperty());
    Button create = new Button("_New version");
    create.setId("newVersion");
    create.getStyleClass().add(Styles.ACCENT);
    create.disableProperty().bind(ctx.currentAppProperty().isNull());
    Button refresh = new Button("Refresh");
    refresh.setOnAction(e -> model.load());

    TableView<Version> table = new TableView<>(model.versions());
    table.setId("versionsTable");
    table.getColumns().add(Columns.text("Name", Version::name, 140));
    table.getColumns().add(Columns.text("Code", v -> Integer.toString(v.code()), 70));
    table.getColumns().add(releaseColumn());
    table.getColumns().add(Columns.text("Channel", Version::channel, 80));
    table.getColumns().add(Columns.text("Rollout", Version::rolloutText, 120));
    table.getColumns().add(Columns.number("Machines", model::machinesOn, 80));
    table.getColumns().add(Columns.text("Force", v -> v.forceUpdate() ? "yes" : "", 60));
    table.getColumns().add(Columns.text("Devices", v -> v.devices().isEmpty() ? "all" : Integer.toString(v.devices().size()), 70));
    table.getColumns().add(Columns.text("MD5", Version::md5, 150));
    table.getColumns().add(Columns.text("Created", Version::createDate, 160));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Label empty = new Label();
    empty.setId("versionsEmpty");
    empty.textProperty().bind(Bindings.createStringBinding(() -> ctx.currentAppProperty().get() == null
        ? "No app chosen \u2014 create one on the Apps screen." : "No versions yet \u2014 create one with New version.",
        ctx.currentAppProperty()));
    table.setPlaceholder(empty);

    create.setOnAction(e -> VersionDialog.open(table.getScene().getWindow(), model, null));
    Button edit = new Button("_Edit");
    edit.setId("editVersion");
    edit.setOnAction(e -> VersionDialog.open(table.getScene().getWindow(), model, table.getSelectionModel().getSelectedItem()));
    Button delete = new Button("_Delete");
    delete.setId("deleteVersion");
    delete.getStyleClass().add(Styles.DANGER);
    delete.setOnAction(e -> {
      Version v = table.getSelectionModel().getSelectedItem();
      FormDialog.confirm(table.getScene().getWindow(), "Delete version " + v.name() + "?",
          "Clients are no longer offered it. The uploaded package stays until you delete it.", "Delete", () -> model.delete(v));
    });
    edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());

    table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (now != null) {
        model.selectedProperty().set(now);
      }
    });
    model.selectedProperty().addListener((o, was, now) -> {
      if (now != null && table.getSelectionModel().getSelectedItem() != now) {
        table.getSelectionModel().select(now);
      }
    });
    model.machinesProperty().addListener((o, was, now) -> table.refresh());

    Tab rollout = new Tab("Rollout", RolloutPane.of(model));
    rollout.setId("rolloutTab");
    Tab feeds = new Tab("Update feeds", FeedsPane.of(model));
    feeds.setId("feedsTab");
    TabPane details = new TabPane(rollout, feeds);
    details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    details.setMinHeight(120);
    details.setPrefHeight(250);
    table.setMinHeight(120);

    HBox tools = new HBox(10, picker, module, create, refresh);
    VBox page = new VBox(10, Views.titleBar("Releases", model.busyProperty()), tools,
        StatusLine.problem("releasesProblem", model.problemProperty()), table, new HBox(8, edit, delete), details);
    VBox.setVgrow(table, Priority.ALWAYS);
    page.setPadding(new Insets(16, 24, 16, 24));
    return page;
  }

  private TableColumn<Version, Version> releaseColumn() {
    TableColumn<Version, Version> c = new TableColumn<>("Released");
    c.setPrefWidth(90);
    Columns.headerFits(c);
    c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
    c.setCellFactory(col -> new TableCell<>() {
      private final ToggleSwitch toggle = new ToggleSwitch();
      private boolean syncing;

      {
        toggle.selectedProperty().addListener((o, was, on) -> {
          Version v = getItem();
          if (!syncing && v != null && on != v.released()) {
            model.setReleased(v, on, () -> show(v));
          }
        });
      }

      private void show(Version v) {
        syncing = true;
        toggle.setSelected(v.released());
        syncing = false;
      }

      @Override
      protected void updateItem(Version v, boolean empty) {
        super.updateItem(v, empty);
        if (empty || v == null) {
          setGraphic(null);
        } else {
          toggle.setId("release-" + v.name().replaceAll("[^A-Za-z0-9_-]", "_"));
          show(v);
          setGraphic(toggle);
        }
      }
    });
    return c;
  }
}

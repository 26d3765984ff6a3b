package dev.beacon.desktop.apps;

import dev.beacon.desktop.client.App;
import dev.beacon.desktop.client.AppDraft;
import dev.beacon.desktop.ui.FormDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Create or edit an app: name, platform (fixed once created), description, icon URL. */
final class AppDialog {
  private AppDialog() {}

  /** Opens the dialog; {@code app} null creates. */
  static void open(Window owner, AppsModel model, App app) {
    TextField name = new TextField(app == null ? "" : app.name());
    name.setId("appName");
    name.setPromptText("My App");
    ComboBox<Integer> platform = new ComboBox<>();
    platform.setId("appPlatform");
    platform.getItems().setAll(1, 2, 3);
    platform.setConverter(new javafx.util.StringConverter<>() {
      @Override
      public String toString(Integer p) {
        return p == null ? "" : App.platformName(p);
      }

      @Override
      public Integer fromString(String s) {
        return null;
      }
    });
    platform.getSelectionModel().select(Integer.valueOf(app == null ? 3 : app.platform()));
    platform.setDisable(app != null);
    TextArea desc = new TextArea(app == null ? "" : app.desc());
    desc.setId("appDesc");
    desc.setPrefRowCount(3);
    desc.setWrapText(true);
    TextField icon = new TextField(app == null ? "" : app.icon());
    icon.setId("appIcon");
    icon.setPromptText("https://example.com/icon.png");

    GridPane g = new GridPane();
    g.setHgap(12);
    g.setVgap(10);
    g.addRow(0, label("_Name", name), name);
    g.addRow(1, label("_Platform", platform), platform);
    g.addRow(2, label("_Description", desc), desc);
    g.addRow(3, label("_Icon URL", icon), icon);
    javafx.application.Platform.runLater(name::requestFocus);

    FormDialog.show(owner, app == null ? "New app" : "Edit " + app.name(), g, app == null ? "Create" : "Save",
        (saving, problem, close) -> model.save(app == null ? null : app.appId(),
            AppDraft.of(name.getText(), app == null ? platform.getValue() : null, desc.getText(), icon.getText()),
            saving, problem, id -> close.run()));
  }

  private static Label label(String text, javafx.scene.Node field) {
    Label l = new Label(text);
    l.setMnemonicParsing(true);
    l.setLabelFor(field);
    return l;
  }
}

package dev.beacon.desktop.releases;

import dev.beacon.desktop.client.Version;
import dev.beacon.desktop.ui.FormDialog;
import dev.beacon.desktop.ui.StatusLine;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Create or edit a version: name and code, the package (picked and uploaded with a progress bar,
 * which fills url and md5; or a URL and md5 typed in), notes, target devices one per line, the
 * channel, the minimum system version, packages per platform ({@link PackagesEditor}), and for
 * the app itself force update and platforms.
 */
final class VersionDialog {
  private VersionDialog() {}

  static void open(Window owner, ReleasesModel model, Version v) {
    boolean app = model.forApp();
    TextField name = field("versionName", v == null ? "" : v.name(), "1.2.0");
    TextField code = field("versionCode", v == null ? "" : Integer.toString(v.code()), "120");
    TextField file = field("packagePath", "", "a package file to upload");
    Button browse = new Button("_Choose...");
    browse.setId("choosePackage");
    browse.setOnAction(e -> {
      FileChooser fc = new FileChooser();
      fc.setTitle("Package to upload");
      File f = fc.showOpenDialog(owner);
      if (f != null) {
        file.setText(f.getAbsolutePath());
      }
    });
    Button upload = new Button("_Upload");
    upload.setId("uploadPackage");
    ProgressBar bar = new ProgressBar(0);
    bar.setId("uploadProgress");
    bar.setMaxWidth(Double.MAX_VALUE);
    DoubleProperty progress = new SimpleDoubleProperty(0);
    bar.progressProperty().bind(progress);
    BooleanProperty uploading = new SimpleBooleanProperty();
    StringProperty uploadProblem = new SimpleStringProperty("");
    TextField url = field("versionUrl", v == null ? "" : v.url(), "filled by the upload, or a download URL");
    TextField md5 = field("versionMd5", v == null ? "" : v.md5(), "filled by the upload");
    upload.disableProperty().bind(uploading.or(file.textProperty().isEmpty()));
    browse.disableProperty().bind(uploading);
    StringProperty lastUpload = new SimpleStringProperty("");
    upload.setOnAction(e -> model.upload(Path.of(file.getText().trim()), progress, uploading, uploadProblem, u -> {
      url.setText(u.url());
      md5.setText(u.md5());
      lastUpload.set(u.id());
    }));
    HBox fileRow = new HBox(8, file, browse, upload);
    HBox.setHgrow(file, Priority.ALWAYS);
    VBox pkg = new VBox(6, fileRow, bar, StatusLine.problem("uploadProblem", uploadProblem));

    TextArea desc = new TextArea(v == null ? "" : v.desc());
    desc.setId("versionDesc");
    desc.setPrefRowCount(2);
    desc.setWrapText(true);
    TextArea devices = new TextArea(v == null ? "" : String.join("\n", v.devices()));
    devices.setId("versionDevices");
    devices.setPrefRowCount(2);
    devices.setPromptText("one device id per line; empty offers it to every device");
    CheckBox force = new CheckBox("_Force the update");
    force.setId("versionForce");
    force.setSelected(v != null && v.forceUpdate());
    TextField platforms = field("versionPlatforms", v == null ? "" : String.join(", ", v.platforms()), "windows, macos, linux (empty: all)");
    TextField channel = field("versionChannel", v == null ? "stable" : v.channel(), "stable, beta ...");
    TextField minSystem = field("versionMinSystem", v == null ? "" : v.minSystemVersion(), "e.g. 10.15 (Sparkle, electron-updater)");
    PackagesEditor packages = new PackagesEditor(v == null ? java.util.List.of() : v.packages(), lastUpload);

    GridPane g = new GridPane();
    g.setHgap(12);
    g.setVgap(8);
    int r = 0;
    g.addRow(r++, label("_Name", name), name);
    g.addRow(r++, label("Co_de", code), code);
    g.addRow(r++, label("_Package", file), pkg);
    g.addRow(r++, label("_URL", url), url);
    g.addRow(r++, label("_MD5", md5), md5);
    g.addRow(r++, label("Notes", desc), desc);
    g.addRow(r++, label("Devices", devices), devices);
    Label minLabel = label("Minimum _OS", minSystem);
    HBox channelRow = new HBox(8, channel, minLabel, minSystem);
    channelRow.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(channel, Priority.ALWAYS);
    HBox.setHgrow(minSystem, Priority.ALWAYS);
    g.addRow(r++, label("C_hannel", channel), channelRow);
    g.addRow(r++, new Label("Packages"), packages.view());
    if (app) {
      HBox platformRow = new HBox(12, platforms, force);
      platformRow.setAlignment(Pos.CENTER_LEFT);
      HBox.setHgrow(platforms, Priority.ALWAYS);
      g.addRow(r++, label("Pla_tforms", platforms), platformRow);
    }
    for (Node n : new Node[] {name, code, url, md5, desc, devices, platforms}) {
      GridPane.setHgrow(n, Priority.ALWAYS);
    }
    fileRow.setAlignment(Pos.CENTER_LEFT);
    javafx.application.Platform.runLater(name::requestFocus);

    FormDialog.show(owner, v == null ? "New version" : "Edit " + v.name(), g, v == null ? "Create" : "Save",
        (saving, problem, close) -> {
          if (uploading.get()) {
            problem.set("Wait for the upload to finish.");
            return;
          }
          model.save(v == null ? null : v.versionId(), ReleasesModel.input(name.getText(), code.getText(), url.getText(),
              md5.getText(), desc.getText(), devices.getText(), platforms.getText(), force.isSelected(), app, channel.getText(),
              minSystem.getText(), packages.packages()), saving, problem, close);
        });
  }

  private static TextField field(String id, String text, String prompt) {
    TextField f = new TextField(text == null ? "" : text);
    f.setId(id);
    f.setPromptText(prompt);
    return f;
  }

  private static Label label(String text, Node field) {
    Label l = new Label(text);
    l.setMnemonicParsing(true);
    l.setLabelFor(field);
    return l;
  }
}

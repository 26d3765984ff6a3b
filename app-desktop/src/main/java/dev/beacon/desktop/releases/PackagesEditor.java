package dev.beacon.desktop.releases;

import dev.beacon.desktop.client.VersionPackage;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A version's packages in the version dialog: one per platform and architecture, each the last
 * upload (the server fills its url, size and hashes) or a URL with the SHA-512 and Sparkle
 * signature typed in. A package without the hashes an updater needs is listed with a note: that
 * updater's feed leaves it out.
 */
final class PackagesEditor {
  private final ListView<VersionPackage> list = new ListView<>();
  private final StringProperty lastUpload;

  PackagesEditor(List<VersionPackage> initial, StringProperty lastUpload) {
    this.lastUpload = lastUpload;
    list.getItems().setAll(initial);
    list.setId("packagesList");
    list.setPrefHeight(64);
    list.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(VersionPackage p, boolean empty) {
        super.updateItem(p, empty);
        setText(empty || p == null ? null : RolloutPane.packageLine(p));
      }
    });
  }

  List<VersionPackage> packages() {
    return List.copyOf(list.getItems());
  }

  Node view() {
    ComboBox<String> platform = new ComboBox<>();
    platform.setId("packagePlatform");
    platform.getItems().setAll("windows", "macos", "linux");
    platform.setEditable(true);
    platform.setValue("windows");
    platform.setPrefWidth(110);
    TextField arch = field("packageArch", "x64, arm64 (empty: any)", 110);
    TextField url = field("packageUrl", "https://... (or add the upload)", 200);
    TextField sha512 = field("packageSha512", "SHA-512 (hex or base64)", 110);
    TextField signature = field("packageSignature", "Sparkle edSignature", 100);
    Button addUpload = new Button("Add the _upload");
    addUpload.setId("addUploadPackage");
    addUpload.disableProperty().bind(lastUpload.isEmpty());
    addUpload.setOnAction(e -> list.getItems().add(VersionPackage.ofUpload(value(platform), arch.getText().trim(), lastUpload.get())));
    Button addUrl = new Button("Add _URL");
    addUrl.setId("addUrlPackage");
    addUrl.disableProperty().bind(url.textProperty().isEmpty());
    addUrl.setOnAction(e -> {
      list.getItems().add(VersionPackage.ofUrl(value(platform), arch.getText().trim(), url.getText().trim(),
          sha512.getText().trim(), signature.getText().trim()));
      url.clear();
      sha512.clear();
      signature.clear();
    });
    Button remove = new Button("Remove");
    remove.setId("removePackage");
    remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    remove.setOnAction(e -> list.getItems().remove(list.getSelectionModel().getSelectedIndex()));
    HBox row = new HBox(6, platform, arch, url);
    HBox.setHgrow(url, Priority.ALWAYS);
    row.setAlignment(Pos.CENTER_LEFT);
    HBox more = new HBox(6, sha512, signature, addUpload, addUrl, remove);
    more.setAlignment(Pos.CENTER_LEFT);
    return new VBox(6, list, row, more);
  }

  private static String value(ComboBox<String> platform) {
    String v = platform.getEditor() != null && !platform.getEditor().getText().isBlank() ? platform.getEditor().getText() : platform.getValue();
    return v == null || v.isBlank() ? "windows" : v.trim();
  }

  private static TextField field(String id, String prompt, double width) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    f.setPrefWidth(width);
    return f;
  }
}

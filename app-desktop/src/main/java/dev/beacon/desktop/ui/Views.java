package dev.beacon.desktop.ui;

import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** Small building blocks every screen uses the same way: title rows (with the {@link StatusLine} spinner) and copy buttons. */
public final class Views {
  private Views() {}

  /** A screen's title row: the title, then {@code tools} pushed right, then a spinner bound to {@code busy}. */
  public static HBox titleBar(String title, BooleanProperty busy, javafx.scene.Node... tools) {
    Label t = new Label(title);
    t.getStyleClass().add(Styles.TITLE_3);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox row = new HBox(10, t, grow);
    row.getChildren().addAll(tools);
    if (busy != null) {
      row.getChildren().add(StatusLine.spinner(busy));
    }
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  /** A button that copies {@code text} to the clipboard and says "Copied" for two seconds. */
  public static Button copyButton(String id, String label, ObservableStringValue text) {
    Button copy = new Button(label);
    copy.setId(id);
    copy.getStyleClass().add(Styles.SMALL);
    copy.disableProperty().bind(Bindings.createBooleanBinding(() -> text.get() == null || text.get().isEmpty(), text));
    PauseTransition copiedFor = new PauseTransition(Duration.seconds(2));
    copiedFor.setOnFinished(e -> copy.setText(label));
    copy.setOnAction(e -> {
      ClipboardContent content = new ClipboardContent();
      content.putString(text.get());
      Clipboard.getSystemClipboard().setContent(content);
      copy.setText("Copied");
      copiedFor.playFromStart();
    });
    return copy;
  }
}

package dev.beacon.desktop.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;

/**
 * A yes/no question before something that cannot be undone (a delete). The confirming button has
 * the id {@code confirm-ok} and is not the default one, so Enter does not delete by accident;
 * Escape cancels.
 */
public final class Confirm {
  private Confirm() {}

  /** What to ask: the question, what it means, and the confirming button's text (e.g. "Delete"). */
  public record Question(String header, String text, String action) {}

  /** Asks {@code q} on the FX thread, modal over {@code owner}'s window; true when the user confirmed. */
  public static boolean ask(Node owner, Question q) {
    return ask(owner, q.header(), q.text(), q.action());
  }

  /** Asks on the FX thread, modal over {@code owner}'s window; true when the user confirmed. */
  public static boolean ask(Node owner, String header, String text, String action) {
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
    alert.setTitle("Confirm");
    alert.setHeaderText(header);
    if (owner != null && owner.getScene() != null && owner.getScene().getWindow() != null) {
      alert.initOwner(owner.getScene().getWindow());
    }
    Button ok = (Button) alert.getDialogPane().lookupButton(ButtonType.OK);
    ok.setText(action);
    ok.setId("confirm-ok");
    ok.setDefaultButton(false);
    Button cancel = (Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL);
    cancel.setId("confirm-cancel");
    cancel.setDefaultButton(true);
    return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
  }
}

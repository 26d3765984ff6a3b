package dev.beacon.desktop.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * A dialog around a form whose OK runs a server call in the background and stays open, with the
 * server's message in place, until the call succeeds. Enter is OK, Escape cancels. The OK button
 * has the id {@code dialogOk}, Cancel {@code dialogCancel}; a confirmation's buttons are
 * {@code confirmYes} and {@code confirmNo}.
 */
public final class FormDialog {
  private FormDialog() {}

  /** What OK does: start the call with {@code saving} and {@code problem} bound, and {@code close} on success. */
  @FunctionalInterface
  public interface Submit {
    void run(BooleanProperty saving, StringProperty problem, Runnable close);
  }

  /** Opens the dialog (not waiting for it). FX thread. */
  public static Dialog<Void> show(Window owner, String title, Node form, String ok, Submit submit) {
    Dialog<Void> d = new Dialog<>();
    d.setTitle(title);
    d.setHeaderText(title);
    if (owner != null) {
      d.initOwner(owner);
    }
    d.initModality(Modality.WINDOW_MODAL);
    BooleanProperty saving = new SimpleBooleanProperty();
    StringProperty problem = new SimpleStringProperty("");
    ButtonType okType = new ButtonType(ok, ButtonBar.ButtonData.OK_DONE);
    d.getDialogPane().getButtonTypes().setAll(okType, ButtonType.CANCEL);
    VBox body = new VBox(10, form, new HBox(8, StatusLine.problem("dialogProblem", problem), StatusLine.spinner(saving)));
    body.setPrefWidth(520);
    d.getDialogPane().setContent(body);
    d.getDialogPane().getStyleClass().add("form-dialog");
    Button okButton = (Button) d.getDialogPane().lookupButton(okType);
    okButton.setId("dialogOk");
    okButton.disableProperty().bind(saving);
    d.getDialogPane().lookupButton(ButtonType.CANCEL).setId("dialogCancel");
    okButton.addEventFilter(ActionEvent.ACTION, e -> {
      e.consume(); // closes only when the call succeeds
      problem.set("");
      submit.run(saving, problem, () -> {
        d.setResult(null);
        d.close();
      });
    });
    if (owner != null && owner.getScene() != null) {
      d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    d.show();
    return d;
  }

  /** Asks before something that cannot be undone; runs {@code yes} only on a confirmed answer. FX thread. */
  public static void confirm(Window owner, String title, String text, String yesLabel, Runnable yes) {
    Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, new ButtonType(yesLabel, ButtonBar.ButtonData.OK_DONE),
        ButtonType.CANCEL);
    a.setTitle(title);
    a.setHeaderText(title);
    if (owner != null) {
      a.initOwner(owner);
    }
    Button yesButton = (Button) a.getDialogPane().lookupButton(a.getButtonTypes().get(0));
    yesButton.setId("confirmYes");
    yesButton.setDefaultButton(false); // Enter does not delete: the safe answer is the default
    Button cancel = (Button) a.getDialogPane().lookupButton(ButtonType.CANCEL);
    cancel.setId("confirmNo");
    cancel.setDefaultButton(true);
    a.resultProperty().addListener((o, was, now) -> {
      if (now != null && now.getButtonData() == ButtonBar.ButtonData.OK_DONE) {
        yes.run();
      }
    });
    a.show();
  }
}

package dev.beacon.desktop.signin;

import atlantafx.base.theme.Styles;
import dev.beacon.desktop.ui.StatusLine;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in form: account, password, errors in place; Enter signs in. Builds and binds only. */
public final class SignInView extends StackPane {
  private final TextField account = new TextField();

  public SignInView(SignInModel m) {
    setId("signIn");
    getStyleClass().add("sign-in");
    Label title = new Label("Sign in to Beacon");
    title.getStyleClass().add(Styles.TITLE_3);
    Label server = new Label();
    server.setId("signInServer");
    server.getStyleClass().add(Styles.TEXT_MUTED);
    server.textProperty().bind(m.serverProperty());

    account.setId("signInAccount");
    account.setPromptText("Account");
    account.textProperty().bindBidirectional(m.accountProperty());
    PasswordField password = new PasswordField();
    password.setId("signInPassword");
    password.setPromptText("Password");
    password.textProperty().bindBidirectional(m.passwordProperty());
    Label accountLabel = new Label("_Account");
    accountLabel.setMnemonicParsing(true);
    accountLabel.setLabelFor(account);
    Label passwordLabel = new Label("_Password");
    passwordLabel.setMnemonicParsing(true);
    passwordLabel.setLabelFor(password);

    Label problem = StatusLine.problem("signInProblem", m.problemProperty());

    Button submit = new Button("Sign in");
    submit.setId("signInButton");
    submit.setDefaultButton(true);
    submit.getStyleClass().add(Styles.ACCENT);
    submit.disableProperty().bind(m.busyProperty());
    submit.setOnAction(e -> m.submit());
    HBox actions = new HBox(10, submit, StatusLine.spinner(m.busyProperty()));
    actions.setAlignment(Pos.CENTER_LEFT);

    VBox card = new VBox(8, title, server, accountLabel, account, passwordLabel, password, problem, actions);
    card.getStyleClass().add("sign-in-card");
    card.setPadding(new Insets(24));
    card.setMaxWidth(360);
    card.setMaxHeight(USE_PREF_SIZE);
    getChildren().add(card);
    visibleProperty().addListener((o, was, now) -> {
      if (now) {
        focusFirst();
      }
    });
  }

  /** Puts the caret where typing starts: the account, or the password when the account is known. */
  public void focusFirst() {
    javafx.application.Platform.runLater(() -> {
      if (account.getText().isBlank()) {
        account.requestFocus();
      } else {
        lookup("#signInPassword").requestFocus();
      }
    });
  }
}

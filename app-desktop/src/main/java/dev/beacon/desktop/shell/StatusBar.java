package dev.beacon.desktop.shell;

import atlantafx.base.theme.Styles;
import dev.beacon.desktop.ui.StatusLine;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The server's lifecycle as the window's header shows it above every screen: a status word with a
 * spinner, and the banners under it (why the start failed, a note about the port, the first-run
 * LAN question). The banners' lines are {@link StatusLine} messages.
 */
public final class StatusBar {
  private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
  private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

  private StatusBar() {}

  /** Spinner and status word ({@code #progress}, {@code #status}). */
  public static HBox indicator(ServerLifecycle m) {
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setId("progress");
    spinner.getStyleClass().add("status-progress");
    spinner.visibleProperty().bind(Bindings.createBooleanBinding(() -> m.stateProperty().get().busy(), m.stateProperty()));
    spinner.managedProperty().bind(spinner.visibleProperty());
    Label status = new Label();
    status.setId("status");
    status.getStyleClass().add("status-text");
    status.textProperty().bind(Bindings.createStringBinding(() -> m.stateProperty().get().label(), m.stateProperty()));
    m.stateProperty().subscribe(s -> {
      status.pseudoClassStateChanged(RUNNING, s == ServerState.RUNNING);
      status.pseudoClassStateChanged(FAILED, s == ServerState.FAILED);
    });
    HBox row = new HBox(8, spinner, status);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  /** The banners: {@code #problem}, {@code #note} and the first-run question {@code #lanPrompt}. */
  public static VBox banners(ServerLifecycle m) {
    Label problem = StatusLine.problem("problem", m.problemProperty());
    Label note = StatusLine.message("note", m.noteProperty(), Styles.WARNING);

    Label askText = new Label();
    askText.setWrapText(true);
    askText.textProperty().bind(Bindings.createStringBinding(() -> "Should other computers on your network reach Beacon? "
        + "Your software there would use " + m.lanUrl() + ". Until you allow it, only this computer can.",
        m.lanAddressProperty(), m.portProperty()));
    Button allow = new Button("_Allow network access");
    allow.setId("lanAllow");
    allow.getStyleClass().add(Styles.ACCENT);
    allow.setOnAction(e -> m.allowLan(true));
    Button deny = new Button("_Only this computer");
    deny.setId("lanDeny");
    deny.setOnAction(e -> m.allowLan(false));
    VBox ask = new VBox(8, askText, new HBox(8, allow, deny));
    ask.setId("lanPrompt");
    ask.getStyleClass().add("lan-prompt");
    ask.visibleProperty().bind(m.stateProperty().isEqualTo(ServerState.RUNNING).and(m.lanAskedProperty().not()));
    ask.managedProperty().bind(ask.visibleProperty());

    VBox box = new VBox(8, problem, note, ask);
    box.getStyleClass().add("status-banners");
    return box;
  }

}

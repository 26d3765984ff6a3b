package dev.beacon.desktop.shell;

import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.ToggleSwitch;

/** The status screen: whether the server runs, where to reach it, what it serves. Builds and binds only. */
public final class StatusView extends VBox {
  private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
  private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
  private static final String NONE = "\u2014";

  public StatusView(StatusModel m) {
    getStyleClass().add("status-view");
    setPadding(new Insets(24));
    setSpacing(16);

    Label title = new Label("Beacon");
    title.getStyleClass().add(Styles.TITLE_2);
    Label subtitle = new Label("The server runs inside this window. Close the window to stop it.");
    subtitle.getStyleClass().add(Styles.TEXT_MUTED);

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
    HBox statusRow = new HBox(10, spinner, status);
    statusRow.setAlignment(Pos.CENTER_LEFT);

    Label problem = shownWhenNotEmpty(m.problemProperty(), "problem", Styles.DANGER);
    Label note = shownWhenNotEmpty(m.noteProperty(), "note", Styles.WARNING);

    Label localUrl = value("localUrl", m.localUrlProperty());
    Button copy = new Button("Copy URL");
    copy.setId("copyUrl");
    copy.getStyleClass().add(Styles.SMALL);
    copy.disableProperty().bind(m.localUrlProperty().isEmpty());
    PauseTransition copiedFor = new PauseTransition(Duration.seconds(2));
    copiedFor.setOnFinished(e -> copy.setText("Copy URL"));
    copy.setOnAction(e -> {
      ClipboardContent content = new ClipboardContent();
      content.putString(m.localUrlProperty().get());
      Clipboard.getSystemClipboard().setContent(content);
      copy.setText("Copied");
      copiedFor.playFromStart();
    });
    HBox urlRow = new HBox(10, localUrl, copy);
    urlRow.setAlignment(Pos.CENTER_LEFT);

    Label lan = value("lanAddress", m.lanAddressProperty());
    Label lanHint = new Label();
    lanHint.setId("lanHint");
    lanHint.setWrapText(true);
    lanHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    lanHint.textProperty().bind(Bindings.createStringBinding(() -> m.lanAllowedProperty().get()
        ? "Other computers on your network reach Beacon at " + lanUrl(m) + "."
        : "Only this computer can reach Beacon (" + ServerHost.HOST + ").",
        m.lanAllowedProperty(), m.lanAddressProperty(), m.portProperty()));
    ToggleSwitch lanSwitch = new ToggleSwitch("Reachable from your network");
    lanSwitch.setId("lanSwitch");
    boolean[] syncing = {false};
    Runnable showModel = () -> {
      syncing[0] = true;
      lanSwitch.setSelected(m.lanAllowedProperty().get());
      syncing[0] = false;
    };
    m.lanAllowedProperty().subscribe(v -> showModel.run());
    m.stateProperty().subscribe(st -> showModel.run());
    lanSwitch.selectedProperty().subscribe(on -> {
      if (!syncing[0] && on != m.lanAllowedProperty().get() && m.stateProperty().get() == ServerState.RUNNING) {
        m.allowLan(on);
      }
    });
    lanSwitch.disableProperty().bind(m.stateProperty().isNotEqualTo(ServerState.RUNNING));

    Label askText = new Label();
    askText.setWrapText(true);
    askText.textProperty().bind(Bindings.createStringBinding(() -> "Should other computers on your network reach Beacon? "
        + "Your software there would use " + lanUrl(m) + ". Until you allow it, only this computer can.",
        m.lanAddressProperty(), m.portProperty()));
    Button allow = new Button("Allow network access");
    allow.setId("lanAllow");
    allow.getStyleClass().add(Styles.ACCENT);
    allow.setOnAction(e -> m.allowLan(true));
    Button deny = new Button("Only this computer");
    deny.setId("lanDeny");
    deny.setOnAction(e -> m.allowLan(false));
    VBox ask = new VBox(8, askText, new HBox(8, allow, deny));
    ask.setId("lanPrompt");
    ask.getStyleClass().add("lan-prompt");
    ask.visibleProperty().bind(m.stateProperty().isEqualTo(ServerState.RUNNING).and(m.lanAskedProperty().not()));
    ask.managedProperty().bind(ask.visibleProperty());
    Label dataFolder = value("dataFolder", m.dataFolderProperty());
    dataFolder.setWrapText(true);
    Tooltip dataTip = new Tooltip();
    dataTip.textProperty().bind(m.dataFolderProperty());
    dataFolder.setTooltip(dataTip);

    GridPane details = new GridPane();
    details.getStyleClass().add("status-details");
    details.setHgap(16);
    details.setVgap(8);
    ColumnConstraints names = new ColumnConstraints();
    names.setMinWidth(120);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    details.getColumnConstraints().addAll(names, values);
    int row = 0;
    details.addRow(row++, name("Local URL"), urlRow);
    details.addRow(row++, name("LAN address"), new VBox(4, lan, lanHint, lanSwitch));
    details.addRow(row++, name("Port"), value("port", m.portProperty()));
    details.addRow(row++, name("Data folder"), dataFolder);
    details.addRow(row++, name("Version"), value("version", m.versionProperty()));
    details.addRow(row++, name("Started at"), value("startedAt", m.startedAtProperty()));
    Label requests = value("requests", Bindings.createStringBinding(
        () -> m.requestsProperty().get() < 0 ? "" : Long.toString(m.requestsProperty().get()), m.requestsProperty()));
    details.addRow(row++, name("Requests served"), requests);

    Label refreshProblem = shownWhenNotEmpty(m.refreshProblemProperty(), "refreshProblem", Styles.WARNING);

    getChildren().addAll(new VBox(4, title, subtitle), statusRow, problem, note, ask, details, refreshProblem);
  }

  private static String lanUrl(StatusModel m) {
    return "http://" + m.lanAddressProperty().get() + ":" + m.portProperty().get();
  }

  private static Label name(String text) {
    Label l = new Label(text);
    l.getStyleClass().addAll("status-name", Styles.TEXT_MUTED);
    return l;
  }

  /** A value label: the text, or a dash while there is none. */
  private static Label value(String id, ObservableStringValue text) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add("status-value");
    StringBinding shown = Bindings.createStringBinding(() -> {
      String t = text.get();
      return t == null || t.isEmpty() ? NONE : t;
    }, text);
    l.textProperty().bind(shown);
    return l;
  }

  private static Label shownWhenNotEmpty(ObservableStringValue text, String id, String style) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(style);
    l.setWrapText(true);
    l.textProperty().bind(text);
    l.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isEmpty(), text));
    l.managedProperty().bind(l.visibleProperty());
    return l;
  }
}

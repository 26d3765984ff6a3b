package dev.beacon.desktop.server;

import atlantafx.base.theme.Styles;
import dev.beacon.desktop.shell.ServerHost;
import dev.beacon.desktop.shell.ServerState;
import dev.beacon.desktop.shell.ServerLifecycle;
import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.ModelScreen;
import dev.beacon.desktop.ui.StatusLine;
import dev.beacon.desktop.ui.Views;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.ToggleSwitch;

/**
 * The server: where it listens (with the LAN switch), a link to its API docs, its data folder and database size, version,
 * uptime and requests served; its settings, applied by restarting it; and the log tail. For a
 * remote server only what {@code /health} tells.
 */
public final class ServerScreen extends ModelScreen<ServerModel> {
  private static final String NONE = "\u2014";

  private final ConsoleContext ctx;
  private final ServerLifecycle m;
  private final Timeline ticker = new Timeline();

  public ServerScreen(ConsoleContext ctx, ServerLifecycle status) {
    super("server", "Server", new ServerModel(ctx, status));
    this.ctx = ctx;
    this.m = status;
  }

  @Override
  public void shown() {
    model.load();
    model.refreshLog();
    ticker.play();
  }

  @Override
  public void hidden() {
    ticker.stop();
  }

  @Override
  public Node view() {
    Label uptime = new Label();
    ticker.getKeyFrames().setAll(new KeyFrame(Duration.seconds(2), e -> {
      model.refreshLog();
      uptime.setText(orDash(ServerModel.uptimeNow(m.startedAtProperty().get())));
    }));
    ticker.setCycleCount(Timeline.INDEFINITE);
    uptime.setId("uptime");
    uptime.getStyleClass().add("status-value");
    m.startedAtProperty().subscribe(s -> uptime.setText(orDash(ServerModel.uptimeNow(s))));

    Label localUrl = value("localUrl", m.localUrlProperty());
    HBox urlRow = new HBox(10, localUrl, Views.copyButton("copyUrl", "Copy URL", m.localUrlProperty()));
    urlRow.setAlignment(Pos.CENTER_LEFT);

    Hyperlink apiDocs = new Hyperlink();
    apiDocs.setId("apiDocsLink");
    apiDocs.textProperty().bind(Bindings.createStringBinding(() -> ServerModel.apiDocsUrl(m.localUrlProperty().get()), m.localUrlProperty()));
    apiDocs.visibleProperty().bind(apiDocs.textProperty().isNotEmpty());
    apiDocs.setOnAction(e -> ctx.browse(apiDocs.getText()));
    apiDocs.setTooltip(new Tooltip("The API's description (openapi.yaml) in Swagger UI, in your browser"));

    Label lan = value("lanAddress", m.lanAddressProperty());
    Label lanHint = new Label();
    lanHint.setId("lanHint");
    lanHint.setWrapText(true);
    lanHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    lanHint.textProperty().bind(Bindings.createStringBinding(() -> m.lanAllowedProperty().get()
        ? "Other computers on your network reach Beacon at " + m.lanUrl() + "."
        : "Only this computer can reach Beacon (" + ServerHost.HOST + ").",
        m.lanAllowedProperty(), m.lanAddressProperty(), m.portProperty()));
    ToggleSwitch lanSwitch = lanSwitch();

    Label dataFolder = value("dataFolder", m.dataFolderProperty());
    dataFolder.setWrapText(true);
    Tooltip dataTip = new Tooltip();
    dataTip.textProperty().bind(m.dataFolderProperty());
    dataFolder.setTooltip(dataTip);
    Button open = new Button("Open");
    open.setId("openDataFolder");
    open.getStyleClass().add(Styles.SMALL);
    open.setOnAction(e -> openFolder());
    HBox dataRow = new HBox(10, dataFolder, open);
    dataRow.setAlignment(Pos.CENTER_LEFT);

    GridPane details = grid();
    int row = 0;
    details.addRow(row++, name("Local URL"), urlRow);
    details.addRow(row++, name("API docs"), apiDocs);
    Node lanRow = new VBox(4, lan, lanHint, lanSwitch);
    Label lanName = name("LAN address");
    details.addRow(row++, lanName, lanRow);
    details.addRow(row++, name("Port"), value("port", m.portProperty()));
    Label bindName = name("Bind address");
    Label bind = value("bindAddress", m.bindAddressProperty());
    details.addRow(row++, bindName, bind);
    Label dataName = name("Data folder");
    details.addRow(row++, dataName, dataRow);
    Label dbName = name("Database size");
    Label db = value("dbSize", Bindings.createStringBinding(() -> ServerModel.bytes(model.dbBytesProperty().get()), model.dbBytesProperty()));
    details.addRow(row++, dbName, db);
    details.addRow(row++, name("Version"), value("version", m.versionProperty()));
    details.addRow(row++, name("Started at"), value("startedAt", m.startedAtProperty()));
    details.addRow(row++, name("Uptime"), uptime);
    Label requests = value("requests", Bindings.createStringBinding(
        () -> m.requestsProperty().get() < 0 ? "" : Long.toString(m.requestsProperty().get()), m.requestsProperty()));
    details.addRow(row++, name("Requests served"), requests);
    for (Node local : new Node[] {lanName, lanRow, bindName, bind, dataName, dataRow, dbName, db}) {
      local.visibleProperty().bind(m.remoteProperty().not());
      local.managedProperty().bind(local.visibleProperty());
    }

    VBox settings = settings();
    settings.visibleProperty().bind(m.remoteProperty().not());
    settings.managedProperty().bind(settings.visibleProperty());

    TextArea log = new TextArea();
    log.setId("logTail");
    log.setEditable(false);
    log.setPrefRowCount(10);
    log.getStyleClass().add("log-tail");
    log.textProperty().bind(model.logProperty());
    log.textProperty().addListener((o, was, now) -> log.setScrollTop(Double.MAX_VALUE));
    Label logTitle = section("Log (this console's last " + dev.beacon.desktop.shell.LogTail.LINES + " lines)");
    VBox logBox = new VBox(6, logTitle, log);
    logBox.visibleProperty().bind(m.remoteProperty().not());
    logBox.managedProperty().bind(logBox.visibleProperty());

    Label refreshProblem = StatusLine.message("refreshProblem", m.refreshProblemProperty(), Styles.WARNING);
    VBox page = new VBox(16, Views.titleBar("Server", model.busyProperty()), details, refreshProblem,
        StatusLine.problem("serverProblem", model.problemProperty()), settings, logBox);
    page.setPadding(new Insets(16, 24, 24, 24));
    page.getStyleClass().add("server-screen");
    ScrollPane scroll = new ScrollPane(page);
    scroll.setFitToWidth(true);
    return scroll;
  }

  private ToggleSwitch lanSwitch() {
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
    return lanSwitch;
  }

  private VBox settings() {
    TextField port = new TextField();
    port.setId("settingsPort");
    port.setPromptText(Integer.toString(ServerHost.DEFAULT_PORT));
    port.setPrefColumnCount(6);
    port.textProperty().bindBidirectional(model.portProperty());
    ToggleSwitch selfReg = new ToggleSwitch("Anyone may register a developer account");
    selfReg.setId("settingsSelfRegistration");
    selfReg.selectedProperty().bindBidirectional(model.selfRegistrationProperty());
    Button restart = new Button("Save and _restart server");
    restart.setId("restartServer");
    restart.getStyleClass().add(Styles.ACCENT);
    restart.disableProperty().bind(m.stateProperty().isNotEqualTo(ServerState.RUNNING).or(model.busyProperty()));
    restart.setOnAction(e -> model.saveAndRestart());
    Label saved = StatusLine.message("settingsSaved", model.savedProperty(), Styles.SUCCESS);
    Label bindHint = new Label("The bind address follows the network switch above: 127.0.0.1 (this computer) or 0.0.0.0 (every interface).");
    bindHint.setWrapText(true);
    bindHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    GridPane g = grid();
    g.addRow(0, name("Port"), port);
    g.addRow(1, name("Registration"), selfReg);
    return new VBox(8, section("Settings (applied when the server restarts)"), g, bindHint, new HBox(10, restart), saved);
  }

  private void openFolder() {
    String folder = m.dataFolderProperty().get();
    ctx.io().execute(() -> {
      try {
        if (java.awt.Desktop.isDesktopSupported()) {
          java.awt.Desktop.getDesktop().open(new java.io.File(folder));
        }
      } catch (Exception | Error ignored) {
        // no desktop integration here (headless): the path is shown and can be copied
      }
    });
  }

  private static GridPane grid() {
    GridPane g = new GridPane();
    g.getStyleClass().add("status-details");
    g.setHgap(16);
    g.setVgap(8);
    ColumnConstraints names = new ColumnConstraints();
    names.setMinWidth(140);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    g.getColumnConstraints().addAll(names, values);
    return g;
  }

  private static Label section(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(Styles.TITLE_4);
    return l;
  }

  private static Label name(String text) {
    Label l = new Label(text);
    l.getStyleClass().addAll("status-name", Styles.TEXT_MUTED);
    return l;
  }

  private static String orDash(String s) {
    return s == null || s.isEmpty() ? NONE : s;
  }

  /** A value label: the text, or a dash while there is none. */
  private static Label value(String id, ObservableStringValue text) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add("status-value");
    StringBinding shown = Bindings.createStringBinding(() -> orDash(text.get()), text);
    l.textProperty().bind(shown);
    return l;
  }
}

package dev.beacon.desktop.alerts;

import atlantafx.base.theme.Styles;
import dev.beacon.desktop.client.Alert;
import dev.beacon.desktop.client.AlertDestination;
import dev.beacon.desktop.client.AlertRule;
import dev.beacon.desktop.client.SmtpSettings;
import dev.beacon.desktop.ui.AppPicker;
import dev.beacon.desktop.ui.Columns;
import dev.beacon.desktop.ui.FormDialog;
import dev.beacon.desktop.ui.StatusLine;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Alerts screen: the app picker, then four tabs: the rules (on/off, thresholds, quiet period,
 * auto-halt, each saved with its own button), the destinations (add, edit, delete, send a test
 * alert; a webhook disabled by a 410 and failed deliveries shown), the alerts with their
 * delivery state, and the server's e-mail (SMTP) account, which administrators set.
 */
final class AlertsView extends BorderPane {
  final AppPicker picker;
  private final AlertsModel model;
  private final VBox ruleRows = new VBox(8);
  final TableView<AlertDestination> destinations = new TableView<>();
  final TableView<Alert> alerts = new TableView<>();
  private final StackPane smtpHolder = new StackPane();
  private Region smtpForm;
  private Region smtpAdminsOnly;

  AlertsView(AlertsModel model) {
    this.model = model;
    picker = new AppPicker(model.context());
    Button refresh = new Button("Refresh");
    refresh.setId("alerts-refresh");
    refresh.setOnAction(e -> {
      model.refresh();
      model.loadSmtp();
    });
    Label message = StatusLine.message("alerts-message", model.message, Styles.SUCCESS);
    HBox bar = new HBox(10, picker, refresh, new StatusLine("alerts", model.busy, model.problem), message);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(0, 0, 10, 0));
    setTop(bar);

    TabPane tabs = new TabPane(
        new Tab("Rules", rulesPane()),
        new Tab("Destinations", destinationsPane()),
        new Tab("Alerts", alertsPane()),
        new Tab("E-mail (SMTP)", smtpHolder));
    tabs.setId("alerts-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    setCenter(tabs);
    setPadding(new Insets(16));
    model.rules.addListener((javafx.collections.ListChangeListener<AlertRule>) c -> buildRules());
  }

  private Region rulesPane() {
    Label help = new Label("New issues and regressions alert by default. The quiet period keeps one rule from alerting "
        + "twice on the same issue or version within it.");
    help.setWrapText(true);
    help.getStyleClass().add(Styles.TEXT_MUTED);
    VBox box = new VBox(12, help, ruleRows);
    box.setPadding(new Insets(12));
    return box;
  }

  /** The rules in the order they are shown, the commonest first (the server's answer has no order). */
  private static final List<String> RULE_ORDER = List.of("new_issue", "regression", "spike", "rollout_health");

  private void buildRules() {
    ruleRows.getChildren().setAll(model.rules.stream()
        .sorted(java.util.Comparator.comparingInt(r -> RULE_ORDER.indexOf(r.rule()) < 0 ? RULE_ORDER.size() : RULE_ORDER.indexOf(r.rule())))
        .map(this::ruleRow).toList());
  }

  /** One rule: its switch, the fields that apply to it, and Save. */
  private Region ruleRow(AlertRule r) {
    String id = "alerts-rule-" + r.rule();
    CheckBox enabled = new CheckBox(r.label());
    enabled.setId(id + "-enabled");
    enabled.setSelected(r.enabled());
    enabled.setMinWidth(230);
    TextField quiet = field(id + "-quiet", String.valueOf(r.quietMinutes()), "Quiet period, minutes");
    TextField threshold = field(id + "-threshold", r.threshold() == null ? "" : trim(r.threshold()),
        "spike".equals(r.rule()) ? "Fewest events in an hour" : "Lowest error-free rate (0..1, e.g. 0.95)");
    TextField factor = field(id + "-factor", r.factor() == null ? "" : trim(r.factor()), "Times the 7-day hourly average");
    TextField machines = field(id + "-machines", r.minMachines() == null ? "" : String.valueOf(r.minMachines()),
        "Judged once at least this many machines run the version");
    CheckBox autoHalt = new CheckBox("Halt the rollout");
    autoHalt.setId(id + "-autohalt");
    autoHalt.setSelected(r.autoHalt());
    autoHalt.setTooltip(new Tooltip("Beacon halts the version's rollout itself, recorded in its history with the figures"));
    Button save = new Button("Save");
    save.setId(id + "-save");
    save.getStyleClass().add(Styles.SMALL);
    // a row that wraps rather than cut its labels to "..." when the window is narrow
    FlowPane row = new FlowPane(8, 6, enabled, new Label("quiet (min)"), quiet);
    if ("spike".equals(r.rule())) {
      row.getChildren().addAll(new Label("at least"), threshold, new Label("events/hour, ×"), factor);
    } else if ("rollout_health".equals(r.rule())) {
      row.getChildren().addAll(new Label("error-free below"), threshold, new Label("on ≥"), machines, new Label("machines"), autoHalt);
    }
    row.getChildren().add(save);
    row.setAlignment(Pos.CENTER_LEFT);
    save.setOnAction(e -> {
      try {
        model.save(new AlertRule(r.rule(), enabled.isSelected(), Integer.parseInt(quiet.getText().trim()),
            number(threshold.getText()), number(factor.getText()), machines.getText().isBlank() ? null : Integer.valueOf(machines.getText().trim()),
            autoHalt.isSelected()));
      } catch (NumberFormatException bad) {
        model.problem.set("Write numbers in the rule's fields");
      }
    });
    return row;
  }

  private static TextField field(String id, String text, String tip) {
    TextField f = new TextField(text);
    f.setId(id);
    f.setPrefColumnCount(5);
    f.setTooltip(new Tooltip(tip));
    return f;
  }

  private static Double number(String text) {
    return text == null || text.isBlank() ? null : Double.valueOf(text.trim());
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private Region destinationsPane() {
    destinations.setId("alerts-destinations");
    destinations.setItems(model.destinations);
    destinations.getColumns().setAll(List.of(
        Columns.text("Type", AlertDestination::type, 90),
        Columns.text("Name", d -> d.name() == null ? "" : d.name(), 160),
        Columns.text("URL or address", AlertDestination::target, 360),
        Columns.text("Signed", d -> d.hasSecret() ? "yes" : "", 70),
        Columns.text("State", AlertDestination::stateText, 200)));
    destinations.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(AlertDestination d, boolean empty) {
        super.updateItem(d, empty);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("disabled-destination"), !empty && d != null && d.disabled());
        setTooltip(!empty && d != null && d.stateReason() != null ? new Tooltip(d.stateReason()) : null);
        setStyle(!empty && d != null && d.disabled() ? "-fx-text-background-color: -color-danger-fg;" : "");
      }
    });
    destinations.setPlaceholder(new Label("No destination yet: alerts are only listed here and in the header."));
    Button add = new Button("Add...");
    add.setId("alerts-add");
    add.setOnAction(e -> edit(null));
    Button edit = new Button("Edit...");
    edit.setId("alerts-edit");
    Button delete = new Button("Delete");
    delete.setId("alerts-delete");
    Button test = new Button("Send test alert");
    test.setId("alerts-test");
    var none = destinations.getSelectionModel().selectedItemProperty().isNull();
    edit.disableProperty().bind(none);
    delete.disableProperty().bind(none);
    test.disableProperty().bind(none.or(model.busy));
    edit.setOnAction(e -> edit(destinations.getSelectionModel().getSelectedItem()));
    delete.setOnAction(e -> {
      AlertDestination d = destinations.getSelectionModel().getSelectedItem();
      FormDialog.confirm(getScene().getWindow(), "Delete destination", "Delete " + AlertsModel.label(d)
          + "? Alerts still waiting for it are dropped.", "Delete", () -> model.delete(d));
    });
    test.setOnAction(e -> model.test(destinations.getSelectionModel().getSelectedItem()));
    HBox buttons = new HBox(8, add, edit, delete, test);
    Label noSmtp = StatusLine.message("alerts-no-smtp", model.noSmtpWarning, Styles.WARNING);
    VBox box = new VBox(10, buttons, noSmtp, destinations);
    VBox.setVgrow(destinations, Priority.ALWAYS);
    box.setPadding(new Insets(12));
    return box;
  }

  /** The add/edit dialog; {@code d} null adds. */
  private void edit(AlertDestination d) {
    ComboBox<String> type = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("webhook", "slack", "discord", "email"));
    type.setId("destination-type");
    type.setValue(d == null ? "webhook" : d.type());
    TextField target = new TextField(d == null ? "" : d.target());
    target.setId("destination-target");
    target.promptTextProperty().bind(Bindings.when(type.valueProperty().isEqualTo("email"))
        .then("ops@example.com").otherwise("https://hooks.example.com/... (loopback and LAN addresses work)"));
    PasswordField secret = new PasswordField();
    secret.setId("destination-secret");
    secret.setPromptText(d != null && d.hasSecret() ? "kept unless you type a new one" : "optional: signs the body (X-Beacon-Signature)");
    secret.disableProperty().bind(type.valueProperty().isEqualTo("email"));
    TextField name = new TextField(d == null || d.name() == null ? "" : d.name());
    name.setId("destination-name");
    name.setPromptText("optional");
    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(8);
    form.addRow(0, new Label("Type"), type);
    form.addRow(1, new Label("URL or address"), target);
    form.addRow(2, new Label("Secret"), secret);
    form.addRow(3, new Label("Name"), name);
    GridPane.setHgrow(target, Priority.ALWAYS);
    FormDialog.show(getScene().getWindow(), d == null ? "Add destination" : "Edit destination", form, "Save",
        (saving, problem, close) -> model.save(d == null ? null : d.destinationId(), type.getValue(), target.getText().trim(),
            secret.getText().isEmpty() ? null : secret.getText(), name.getText().trim(), saving, problem, close));
  }

  private Region alertsPane() {
    alerts.setId("alerts-list");
    alerts.setItems(model.alerts);
    alerts.getColumns().setAll(List.of(
        Columns.text("When", Alert::createdAt, 150),
        Columns.text("Rule", Alert::rule, 110),
        Columns.text("Alert", Alert::text, 420),
        Columns.text("State", Alert::state, 80),
        Columns.text("Deliveries", Alert::deliveryText, 320)));
    alerts.setPlaceholder(new Label("No alerts yet."));
    VBox box = new VBox(alerts);
    VBox.setVgrow(alerts, Priority.ALWAYS);
    box.setPadding(new Insets(12));
    return box;
  }

  /** Shows the SMTP form to administrators, and to others a line saying an administrator sets it. */
  void smtpFor(boolean admin) {
    if (admin) {
      if (smtpForm == null) {
        smtpForm = smtpPane();
      }
      smtpHolder.getChildren().setAll(smtpForm);
      return;
    }
    if (smtpAdminsOnly == null) {
      Label l = new Label("An administrator sets the e-mail (SMTP) account that sends e-mail alerts.");
      l.setId("alerts-smtp-admins-only");
      l.getStyleClass().add("empty-title");
      StackPane p = new StackPane(l);
      p.setAlignment(Pos.CENTER);
      smtpAdminsOnly = p;
    }
    smtpHolder.getChildren().setAll(smtpAdminsOnly);
  }

  /** The SMTP account form: filled from the server's answer (never the password), saved with one button. */
  private Region smtpPane() {
    TextField host = new TextField();
    host.setId("smtp-host");
    host.setPromptText("smtp.example.com");
    TextField port = new TextField();
    port.setId("smtp-port");
    port.setPrefColumnCount(6);
    port.setPromptText("587");
    ComboBox<String> security = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(SmtpSettings.SECURITY));
    security.setId("smtp-security");
    security.setValue("starttls");
    TextField user = new TextField();
    user.setId("smtp-user");
    user.setPromptText("optional: no sign-in when empty");
    PasswordField password = new PasswordField();
    password.setId("smtp-password");
    CheckBox removePassword = new CheckBox("Remove the stored password");
    removePassword.setId("smtp-remove-password");
    password.disableProperty().bind(removePassword.selectedProperty());
    TextField from = new TextField();
    from.setId("smtp-from");
    from.setPromptText("beacon@example.com");
    Label passwordState = new Label();
    passwordState.setId("smtp-password-state");
    passwordState.getStyleClass().add(Styles.TEXT_MUTED);
    Button save = new Button("Save");
    save.setId("smtp-save");
    save.getStyleClass().add(Styles.ACCENT);
    save.disableProperty().bind(model.smtpBusy);

    Runnable fill = () -> {
      SmtpSettings s = model.smtp.get();
      host.setText(s == null ? "" : s.host());
      port.setText(s == null ? "" : String.valueOf(s.port()));
      security.setValue(s == null ? "starttls" : s.security());
      user.setText(s == null || s.user() == null ? "" : s.user());
      from.setText(s == null ? "" : s.from());
      password.clear();
      removePassword.setSelected(false);
      boolean set = s != null && s.passwordSet();
      removePassword.setVisible(set);
      removePassword.setManaged(set);
      password.setPromptText(set ? "kept unless you type a new one" : "optional");
      passwordState.setText(!model.smtpKnown.get() ? "" : s == null ? "No e-mail account is set yet: e-mail alerts do not go out."
          : set ? "A password is set." : "No password is set.");
    };
    model.smtp.addListener((o, was, now) -> fill.run());
    model.smtpKnown.addListener((o, was, now) -> fill.run());
    fill.run();
    save.setOnAction(e -> {
      int p;
      try {
        p = Integer.parseInt(port.getText().trim());
      } catch (NumberFormatException bad) {
        model.smtpProblem.set("The port must be a number from 1 to 65535");
        return;
      }
      String pw = removePassword.isSelected() ? "" : password.getText().isEmpty() ? null : password.getText();
      model.saveSmtp(host.getText().trim(), p, security.getValue(), user.getText().trim(), pw, from.getText().trim());
    });

    Label help = new Label("The server sends e-mail alerts through this account. The password is never shown: "
        + "leave it empty to keep the stored one.");
    help.setWrapText(true);
    help.getStyleClass().add(Styles.TEXT_MUTED);
    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(8);
    form.addRow(0, new Label("Host"), host);
    form.addRow(1, new Label("Port"), port);
    form.addRow(2, new Label("Security"), security);
    form.addRow(3, new Label("User"), user);
    form.addRow(4, new Label("Password"), password, removePassword);
    form.addRow(5, new Label("From address"), from);
    host.setPrefColumnCount(28);
    HBox actions = new HBox(10, save, new StatusLine("smtp", model.smtpBusy, model.smtpProblem),
        StatusLine.message("smtp-message", model.smtpMessage, Styles.SUCCESS));
    actions.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(12, help, form, passwordState, actions);
    box.setPadding(new Insets(12));
    box.setMaxWidth(720);
    StackPane.setAlignment(box, Pos.TOP_LEFT);
    return box;
  }
}

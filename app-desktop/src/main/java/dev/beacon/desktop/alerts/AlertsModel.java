package dev.beacon.desktop.alerts;

import dev.beacon.desktop.client.Alert;
import dev.beacon.desktop.client.AlertDestination;
import dev.beacon.desktop.client.AlertRule;
import dev.beacon.desktop.client.AlertsApi;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.SmtpSettings;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Alerts screen's state for the current app: its rules, its destinations (with the last test's
 * outcome) and its alerts with their delivery state; and, for admins, the server's SMTP account
 * that sends e-mail alerts. Server calls run in the background.
 */
final class AlertsModel {
  final ObservableList<AlertRule> rules = FXCollections.observableArrayList();
  final ObservableList<AlertDestination> destinations = FXCollections.observableArrayList();
  final ObservableList<Alert> alerts = FXCollections.observableArrayList();
  final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  /** What the last action said (a test alert's outcome, a saved rule). */
  final StringProperty message = new SimpleStringProperty(this, "message", "");
  /** The SMTP account as last loaded or saved (admins); null when none is set or not known. */
  final ObjectProperty<SmtpSettings> smtp = new SimpleObjectProperty<>(this, "smtp");
  /** Whether {@link #smtp} holds the server's answer (only admins may ask). */
  final BooleanProperty smtpKnown = new SimpleBooleanProperty(this, "smtpKnown");
  final BooleanProperty smtpBusy = new SimpleBooleanProperty(this, "smtpBusy");
  final StringProperty smtpProblem = new SimpleStringProperty(this, "smtpProblem", "");
  final StringProperty smtpMessage = new SimpleStringProperty(this, "smtpMessage", "");
  /** Said near the destinations when an e-mail destination exists and no SMTP account is set. */
  final StringBinding noSmtpWarning = Bindings.createStringBinding(() -> smtpKnown.get() && smtp.get() == null
      && destinations.stream().anyMatch(d -> "email".equals(d.type()))
      ? "No e-mail (SMTP) account is set: e-mail destinations get nothing until one is saved in the E-mail (SMTP) tab." : "",
      smtpKnown, smtp, destinations);
  private final ConsoleContext ctx;

  AlertsModel(ConsoleContext ctx) {
    this.ctx = ctx;
    ctx.currentAppProperty().addListener((o, was, now) -> refresh());
  }

  ConsoleContext context() {
    return ctx;
  }

  private String appId() {
    AppRef app = ctx.currentAppProperty().get();
    return app == null ? null : app.appId();
  }

  private record Loaded(List<AlertRule> rules, List<AlertDestination> destinations, List<Alert> alerts) {}

  /** Loads the current app's rules, destinations and alerts. */
  void refresh() {
    String appId = appId();
    BeaconClient client = ctx.client();
    if (appId == null || client == null) {
      rules.clear();
      destinations.clear();
      alerts.clear();
      return;
    }
    AlertsApi api = new AlertsApi(client);
    Background.run(ctx, () -> new Loaded(api.rules(appId), api.destinations(appId), api.alerts(appId, 100)), l -> {
      if (appId.equals(appId())) {
        rules.setAll(l.rules());
        destinations.setAll(l.destinations());
        alerts.setAll(l.alerts());
      }
    }, busy, problem);
  }

  /** Saves a rule as edited. */
  void save(AlertRule rule) {
    String appId = appId();
    AlertsApi api = new AlertsApi(ctx.client());
    Background.run(ctx, () -> api.save(appId, rule), saved -> {
      rules.replaceAll(r -> r.rule().equals(saved.rule()) ? saved : r);
      message.set("Saved: " + saved.label().toLowerCase(java.util.Locale.ROOT) + (saved.enabled() ? " is on" : " is off"));
    }, busy, problem);
  }

  /** Adds or changes a destination from a dialog; {@code close} runs once the server took it. */
  void save(String destinationId, String type, String target, String secret, String name, BooleanProperty saving,
      StringProperty dialogProblem, Runnable close) {
    String appId = appId();
    AlertsApi api = new AlertsApi(ctx.client());
    Background.run(ctx, () -> api.save(appId, destinationId, type, target, secret, name), d -> {
      close.run();
      refresh();
    }, saving, dialogProblem);
  }

  void delete(AlertDestination d) {
    String appId = appId();
    AlertsApi api = new AlertsApi(ctx.client());
    Background.run(ctx, () -> {
      api.delete(appId, d.destinationId());
      return null;
    }, v -> refresh(), busy, problem);
  }

  /** Sends a test alert to the destination and says how it went. */
  void test(AlertDestination d) {
    String appId = appId();
    AlertsApi api = new AlertsApi(ctx.client());
    message.set("");
    Background.run(ctx, () -> api.test(appId, d.destinationId()), r -> {
      message.set((r.sent() ? "Test alert sent to " : "The test alert did not go out to ") + label(d) + ": " + r.detail());
      refresh();
    }, busy, problem);
  }

  static String label(AlertDestination d) {
    return d.name() != null && !d.name().isBlank() ? d.name() : d.target();
  }

  boolean admin() {
    return ctx.admin();
  }

  /** Loads the SMTP account (admins only; for others it stays unknown). */
  void loadSmtp() {
    BeaconClient client = ctx.client();
    if (client == null || !ctx.admin()) {
      smtpKnown.set(false);
      smtp.set(null);
      return;
    }
    AlertsApi api = new AlertsApi(client);
    Background.run(ctx, api::smtp, s -> {
      smtp.set(s);
      smtpKnown.set(true);
    }, smtpBusy, smtpProblem);
  }

  /** Saves the SMTP account; {@code password} null keeps the stored one, "" removes it. */
  void saveSmtp(String host, int port, String security, String user, String password, String from) {
    AlertsApi api = new AlertsApi(ctx.client());
    smtpMessage.set("");
    Background.run(ctx, () -> api.saveSmtp(host, port, security, user, password, from), s -> {
      smtp.set(s);
      smtpKnown.set(true);
      smtpMessage.set("Saved: e-mail alerts go out through " + s.host() + ":" + s.port());
    }, smtpBusy, smtpProblem);
  }
}

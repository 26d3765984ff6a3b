package dev.beacon.desktop.alerts;

import dev.beacon.desktop.client.Alert;
import dev.beacon.desktop.client.AlertDestination;
import dev.beacon.desktop.client.AlertRule;
import dev.beacon.desktop.client.AlertsApi;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Alerts screen's state for the current app: its rules, its destinations (with the last test's
 * outcome) and its alerts with their delivery state. Server calls run in the background.
 */
final class AlertsModel {
  final ObservableList<AlertRule> rules = FXCollections.observableArrayList();
  final ObservableList<AlertDestination> destinations = FXCollections.observableArrayList();
  final ObservableList<Alert> alerts = FXCollections.observableArrayList();
  final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  /** What the last action said (a test alert's outcome, a saved rule). */
  final StringProperty message = new SimpleStringProperty(this, "message", "");
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
}

package dev.beacon.desktop.alerts;

import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.ModelScreen;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Alerts: the current app's rules, destinations and alerts, and the server's e-mail (SMTP)
 * account (admins); and, in the window's header while the console runs, the unread alerts of
 * every app, each announced by a desktop notification.
 */
public final class AlertsScreen extends ModelScreen<AlertsModel> {
  private final AlertInbox inbox;
  private final MenuButton bell = new MenuButton();
  private AlertsView view;

  public AlertsScreen(ConsoleContext ctx) {
    super("alerts", "Alerts", new AlertsModel(ctx));
    bell.setId("alerts-unread");
    bell.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
    inbox = new AlertInbox(ctx, this::notify);
    inbox.unread.addListener((javafx.collections.ListChangeListener<AlertInbox.Unread>) c -> fillBell());
    fillBell();
  }

  @Override
  public Node view() {
    if (view == null) {
      view = new AlertsView(model);
    }
    return view;
  }

  @Override
  public void shown() {
    view();
    view.picker.reload();
    view.smtpFor(model.admin());
    model.refresh();
    model.loadSmtp();
  }

  /** The header's unread list. */
  @Override
  public Node headerItem() {
    return bell;
  }

  /** Asks for new alerts now (tests, and the bell's own refresh). */
  public void pollNow() {
    inbox.poll();
  }

  /** Whether the inbox has read the alerts there at sign-in (new ones after it are unread). */
  public boolean inboxPrimed() {
    return inbox.primed();
  }

  /** How many alerts are unread. */
  public int unreadCount() {
    return inbox.unread.size();
  }

  private void fillBell() {
    int n = inbox.unread.size();
    bell.setText(n == 0 ? "Alerts" : "Alerts (" + n + ")");
    bell.getItems().clear();
    if (n == 0) {
      MenuItem none = new MenuItem("No unread alerts");
      none.setDisable(true);
      bell.getItems().add(none);
    }
    for (AlertInbox.Unread u : inbox.unread.stream().limit(20).toList()) {
      MenuItem item = new MenuItem(u.alert().createdAt() + "  " + u);
      item.setOnAction(e -> inbox.markRead(u));
      bell.getItems().add(item);
    }
    if (n > 0) {
      MenuItem all = new MenuItem("Mark all read");
      all.setId("alerts-mark-read");
      all.setOnAction(e -> inbox.markAllRead());
      bell.getItems().addAll(new SeparatorMenuItem(), all);
    }
  }

  /** A desktop notification over the console's window (FX thread). */
  private void notify(AlertInbox.Unread u) {
    if (bell.getScene() == null || bell.getScene().getWindow() == null || !bell.getScene().getWindow().isShowing()) {
      return;
    }
    Notifications.create()
        .title("Beacon · " + u.appName())
        .text(u.alert().text())
        .owner(bell.getScene().getWindow())
        .hideAfter(Duration.seconds(10))
        .showWarning();
  }
}

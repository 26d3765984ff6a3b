package dev.beacon.desktop.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.AlertDestination;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.support.LiveServerTest;
import dev.beacon.desktop.support.Stages;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Alerts screen against a real server: a desktop notification and an unread entry in the
 * header when an error report opens a new issue; the rules; a webhook that answers 410 shown
 * disabled after its test.
 */
class AlertsScreenTest extends LiveServerTest {
  private static HttpServer gone;

  @BeforeAll
  static void fastPolls() throws Exception {
    System.setProperty("beacon.console.alerts-poll-ms", "300");
    gone = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gone.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      ex.sendResponseHeaders(410, -1);
      ex.close();
    });
    gone.start();
  }

  @AfterAll
  static void normalPolls() {
    System.clearProperty("beacon.console.alerts-poll-ms");
    gone.stop(0);
  }

  @Test
  void aNewIssueShowsANotificationAndAnUnreadAlertInTheHeader() throws Exception {
    BeaconClient admin = server.admin();
    JsonObject app = admin.post("v1/user/" + admin.openId() + "/app", new JsonObject().put("name", "Notified app").put("platform", 1))
        .getJsonObject("app");
    ConsoleContext ctx = server.context();
    AlertsScreen screen = Fx.call(() -> new AlertsScreen(ctx));
    Stages.show(Fx.call(() -> new VBox(screen.headerItem(), screen.view())));
    Fx.run(screen::shown);
    FxRobot robot = new FxRobot();
    Fx.waitUntil(30, () -> screen.inboxPrimed());
    assertEquals(0, (int) Fx.call(screen::unreadCount));

    server.anonymous().post("api/v1/error/report", new JsonObject().put("app_key", app.getString("appKey"))
        .put("machine_id", "m-1").put("software_version", "2.3.0").put("error_type", "java.lang.NullPointerException")
        .put("error_message", "basket is null").put("error_stack", "java.lang.NullPointerException: basket is null\n\tat com.acme.Cart.add(Cart.java:9)")
        .put("os_info", "Windows 11"));

    Stages.await("the notification", () -> !robot.lookup(".notification-bar").queryAll().isEmpty(), () -> "unread=" + screen.unreadCount());
    assertEquals(1, (int) Fx.call(screen::unreadCount));
    MenuButton bell = robot.lookup("#alerts-unread").query();
    assertEquals("Alerts (1)", Fx.call(bell::getText));
    assertTrue(Fx.call(() -> bell.getItems().get(0).getText()).contains("Notified app: New issue in 2.3.0"),
        () -> bell.getItems().get(0).getText());
  }

  @Test
  void rulesShowAndAWebhookThatAnswers410IsShownDisabledAfterItsTest() throws Exception {
    BeaconClient admin = server.admin();
    JsonObject app = admin.post("v1/user/" + admin.openId() + "/app", new JsonObject().put("name", "Hooked app").put("platform", 1))
        .getJsonObject("app");
    ConsoleContext ctx = server.context();
    AlertsScreen screen = Fx.call(() -> new AlertsScreen(ctx));
    Stages.show(Fx.call(screen::view));
    Fx.run(screen::shown);
    FxRobot robot = new FxRobot();
    Fx.run(() -> ctx.setCurrentApp(new dev.beacon.desktop.ui.AppRef(app.getString("appId"), "Hooked app", app.getString("appKey"))));
    Fx.waitUntil(20, () -> screen.model().rules.size() == 4);
    assertTrue(robot.lookup("#alerts-rule-new_issue-enabled").queryAs(javafx.scene.control.CheckBox.class).isSelected());

    Fx.run(() -> screen.model().save(null, "webhook", "http://127.0.0.1:" + gone.getAddress().getPort() + "/hook", null, "old bot",
        new javafx.beans.property.SimpleBooleanProperty(), new javafx.beans.property.SimpleStringProperty(), () -> { }));
    robot.clickOn("Destinations");
    TableView<AlertDestination> table = robot.lookup("#alerts-destinations").queryTableView();
    Fx.waitUntil(20, () -> table.getItems().size() == 1);
    Stages.clickRow(robot, "alerts-destinations", 0);
    robot.clickOn("#alerts-test");
    Stages.await("the disabled state", () -> table.getItems().size() == 1 && table.getItems().get(0).disabled(),
        () -> screen.model().message.get() + " " + screen.model().problem.get());
    assertEquals("Disabled (410)", Fx.call(() -> table.getItems().get(0).stateText()));
    assertTrue(Fx.call(screen.model().message::get).contains("did not go out"), screen.model().message::get);
  }
}

package dev.beacon.desktop.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.support.LiveServerTest;
import dev.beacon.desktop.support.Stages;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Alerts screen's e-mail (SMTP) tab against a real server: the warning near an e-mail
 * destination while no account is set, an admin filling and saving the form (checked through the
 * API), the stored values shown again without the password, removing the password, and the line
 * other developers see instead.
 */
class SmtpSettingsTest extends LiveServerTest {
  private static final String SMTP = "v1/admin/alerts/smtp";

  @Test
  void anAdminSetsTheSmtpAccountAndSeesItAgainWithoutThePassword() throws Exception {
    BeaconClient admin = server.admin();
    JsonObject app = admin.post("v1/user/" + admin.openId() + "/app", new JsonObject().put("name", "Mailed app").put("platform", 1))
        .getJsonObject("app");
    admin.post("v1/user/" + admin.openId() + "/app/" + app.getString("appId") + "/alerts/destinations",
        new JsonObject().put("type", "email").put("address", "ops@example.com"));
    ConsoleContext ctx = server.context();
    AppRef ref = new AppRef(app.getString("appId"), "Mailed app", app.getString("appKey"));
    AlertsScreen screen = Fx.call(() -> new AlertsScreen(ctx));
    Stages.show(Fx.call(screen::view));
    Fx.run(screen::shown);
    Fx.run(() -> ctx.setCurrentApp(ref));
    FxRobot robot = new FxRobot();

    robot.clickOn("Destinations");
    Label warning = robot.lookup("#alerts-no-smtp").queryAs(Label.class);
    Stages.await("the no-SMTP warning", () -> warning.isVisible() && warning.getText().contains("No e-mail (SMTP) account"),
        () -> screen.model().destinations + " " + screen.model().smtpProblem.get());

    robot.clickOn("E-mail (SMTP)");
    Label state = robot.lookup("#smtp-password-state").queryAs(Label.class);
    Stages.await("the empty account", () -> state.getText().startsWith("No e-mail account"), state::getText);
    robot.clickOn("#smtp-host").write("mail.example.com");
    robot.clickOn("#smtp-port").write("2465");
    Stages.choose(robot, "smtp-security", "tls");
    robot.clickOn("#smtp-user").write("beacon-bot");
    robot.clickOn("#smtp-password").write("s3cret");
    robot.clickOn("#smtp-from").write("beacon@example.com");
    robot.clickOn("#smtp-save");
    Stages.await("the saved message", () -> !screen.model().smtpMessage.get().isEmpty(), screen.model().smtpProblem::get);

    JsonObject stored = admin.get(SMTP, Map.of()).getJsonObject("smtp");
    assertEquals("mail.example.com", stored.getString("host"));
    assertEquals(2465, stored.getInteger("port"));
    assertEquals("tls", stored.getString("security"));
    assertEquals("beacon-bot", stored.getString("user"));
    assertEquals("beacon@example.com", stored.getString("from"));
    assertTrue(stored.getBoolean("passwordSet"), stored::encode);
    assertFalse(stored.encode().contains("s3cret"), stored::encode);
    Stages.await("the warning gone", () -> !warning.isVisible(), warning::getText);

    // reopened: the stored values, the password field empty, and word that a password is set
    AlertsScreen again = Fx.call(() -> new AlertsScreen(ctx));
    Stages.show(Fx.call(again::view));
    Fx.run(again::shown);
    robot.clickOn("E-mail (SMTP)");
    TextField host = robot.lookup("#smtp-host").queryAs(TextField.class);
    Stages.await("the stored account", () -> "mail.example.com".equals(host.getText()), host::getText);
    assertEquals("2465", Fx.call(() -> robot.lookup("#smtp-port").queryAs(TextField.class).getText()));
    assertEquals("tls", Fx.call(() -> robot.lookup("#smtp-security").queryAs(ComboBox.class).getValue()));
    assertEquals("beacon-bot", Fx.call(() -> robot.lookup("#smtp-user").queryAs(TextField.class).getText()));
    assertEquals("beacon@example.com", Fx.call(() -> robot.lookup("#smtp-from").queryAs(TextField.class).getText()));
    assertEquals("", Fx.call(() -> robot.lookup("#smtp-password").queryAs(PasswordField.class).getText()));
    assertEquals("A password is set.", Fx.call(() -> robot.lookup("#smtp-password-state").queryAs(Label.class).getText()));

    // saving with the password field empty keeps it; the check box removes it
    robot.clickOn("#smtp-save");
    Stages.await("saved again", () -> !again.model().smtpMessage.get().isEmpty(), again.model().smtpProblem::get);
    assertTrue(admin.get(SMTP, Map.of()).getJsonObject("smtp").getBoolean("passwordSet"), "an empty field keeps the password");
    Fx.run(() -> again.model().smtpMessage.set(""));
    robot.clickOn("#smtp-remove-password");
    assertTrue(Fx.call(() -> robot.lookup("#smtp-remove-password").queryAs(CheckBox.class).isSelected()));
    robot.clickOn("#smtp-save");
    Stages.await("the password removed", () -> !again.model().smtpMessage.get().isEmpty(), again.model().smtpProblem::get);
    assertFalse(admin.get(SMTP, Map.of()).getJsonObject("smtp").getBoolean("passwordSet"));
    assertEquals("No password is set.", Fx.call(() -> robot.lookup("#smtp-password-state").queryAs(Label.class).getText()));
  }

  @Test
  void otherDevelopersAreToldThatAnAdministratorSetsIt() throws Exception {
    BeaconClient admin = server.admin();
    admin.post("v1/auth/register", new JsonObject().put("type", "email").put("account", "mailer-dev@example.com")
        .put("password", "dev-password-1"));
    BeaconClient anonymous = server.anonymous();
    BeaconClient dev = anonymous.as(anonymous.login("mailer-dev@example.com", "dev-password-1"));
    ConsoleContext ctx = server.context();
    Fx.run(() -> ctx.setClient(dev));
    AlertsScreen screen = Fx.call(() -> new AlertsScreen(ctx));
    Stages.show(Fx.call(screen::view));
    Fx.run(screen::shown);
    FxRobot robot = new FxRobot();
    robot.clickOn("E-mail (SMTP)");
    assertTrue(robot.lookup("#alerts-smtp-admins-only").tryQuery().isPresent());
    assertTrue(robot.lookup("#smtp-host").tryQuery().isEmpty());
    assertEquals("", Fx.call(screen.model().smtpProblem::get));
  }
}

package dev.beacon.desktop.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.support.LiveServerTest;
import dev.beacon.desktop.support.ScreenStage;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Apps screen's Sentry DSN against a real server: shown, copied, rotated after asking; the SDK snippets. */
class AppsDsnScreenTest extends LiveServerTest {
  final FxRobot robot = new FxRobot();

  private String dsnLabel() throws Exception {
    return Fx.call(() -> robot.lookup("#appDsn").queryAs(Label.class).getText());
  }

  @Test
  void showsCopiesAndRotatesTheDsn() throws Exception {
    BeaconClient admin = server.admin();
    JsonObject app = admin.post("v1/user/" + admin.openId() + "/app", new JsonObject().put("name", "Desk").put("platform", 3))
        .getJsonObject("app");
    String dsn = app.getString("dsn");
    AppsScreen screen = new AppsScreen(server.context());
    ScreenStage.show(screen);
    Fx.waitUntil(20, () -> !screen.model().busyProperty().get() && !robot.lookup("#appDsn").queryAs(Label.class).getText().isEmpty());
    assertEquals(dsn, dsnLabel(), "the console's server is reached at the address the DSN names");
    robot.clickOn("#copyDsn");
    assertEquals(dsn, Fx.call(() -> Clipboard.getSystemClipboard().getString()));

    for (String id : new String[] {"#sentry-java", "#sentry-net", "#sentry-python", "#sentry-electronnode"}) {
      String code = Fx.call(() -> robot.lookup(id).queryAs(TextArea.class).getText());
      assertTrue(code.contains(dsn), id + ": " + code);
      assertTrue(code.toLowerCase(java.util.Locale.ROOT).contains("release"), id);
      assertTrue(code.contains("installId") || code.contains("install_id") || code.contains("InstallId"), id);
    }

    // rotating asks first: cancelling keeps the DSN, confirming replaces it on the server too
    robot.clickOn("#rotateDsn");
    robot.clickOn("#confirmNo");
    assertEquals(dsn, dsnLabel());
    robot.clickOn("#rotateDsn");
    robot.clickOn("#confirmYes");
    Fx.waitUntil(20, () -> !robot.lookup("#appDsn").queryAs(Label.class).getText().equals(dsn));
    String rotated = admin.get("v1/user/" + admin.openId() + "/app/" + app.getString("appId"), Map.of()).getJsonObject("app").getString("dsn");
    assertNotEquals(dsn, rotated);
    assertEquals(rotated, dsnLabel());
  }
}

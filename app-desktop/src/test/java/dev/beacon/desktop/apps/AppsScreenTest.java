package dev.beacon.desktop.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.ApiError;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.support.LiveConsole;
import dev.beacon.desktop.support.ScreenStage;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** The Apps screen's real view against a real server: create, the key, the snippets, freeze, delete. */
class AppsScreenTest {
  @RegisterExtension
  static final LiveConsole console = new LiveConsole();
  final FxRobot robot = new FxRobot();

  private String label(String id) throws Exception {
    return Fx.call(() -> robot.lookup(id).queryAs(Label.class).getText());
  }

  private int rows() throws Exception {
    return Fx.call(() -> robot.lookup("#appsTable").queryAs(TableView.class).getItems().size());
  }

  @Test
  void createsAnAppShowsItsKeyAndSnippetsFreezesAndDeletesIt() throws Exception {
    ConsoleContext ctx = console.context();
    BeaconClient admin = ctx.client();
    AppsScreen screen = new AppsScreen(ctx);
    ScreenStage.show(screen);
    Fx.waitUntil(20, () -> !screen.model().busyProperty().get());
    assertEquals(0, rows());
    assertTrue(Fx.call(() -> robot.lookup("#appsEmpty").query().isVisible()), "the empty state says what to do");

    // the server's validation message shows in the dialog, which stays open
    robot.clickOn("#newApp");
    robot.clickOn("#dialogOk");
    Fx.waitUntil(20, () -> robot.lookup("#dialogProblem").queryAs(Label.class).getText().contains("name"));
    robot.clickOn("#appName").write("Calendar");
    robot.clickOn("#dialogOk");
    Fx.waitUntil(20, () -> robot.lookup("#appsTable").queryAs(TableView.class).getItems().size() == 1
        && robot.lookup("#appKey").queryAs(Label.class).getText().length() > 0);
    assertTrue(robot.lookup("#dialogOk").tryQuery().isEmpty(), "the dialog closed");

    JsonObject app = admin.get("v1/user/" + admin.openId() + "/app", Map.of()).getJsonArray("apps").getJsonObject(0);
    assertEquals("Calendar", app.getString("name"));
    assertEquals(app.getString("appKey"), label("#appKey"));
    robot.clickOn("#copyAppKey");
    assertEquals(app.getString("appKey"), Fx.call(() -> Clipboard.getSystemClipboard().getString()));

    String curl = Fx.call(() -> robot.lookup("#snippet-curl").queryAs(TextArea.class).getText());
    assertTrue(curl.contains("KEY=" + app.getString("appKey")), curl);
    assertTrue(curl.contains("BEACON=" + console.server().url().toString().replaceAll("/$", "")), curl);

    // edit: the new name reaches the server and the table
    robot.clickOn("#editApp");
    Fx.run(() -> robot.lookup("#appName").queryAs(javafx.scene.control.TextField.class).clear());
    robot.clickOn("#appName").write("Calendar Pro");
    robot.clickOn("#dialogOk");
    Fx.waitUntil(20, () -> robot.lookup("#appTitle").queryAs(Label.class).getText().equals("Calendar Pro"));
    assertEquals("Calendar Pro", admin.get("v1/user/" + admin.openId() + "/app/" + app.getString("appId"), Map.of())
        .getJsonObject("app").getString("name"));

    // freeze (the admin's): the server agrees
    robot.clickOn("#freezeApp");
    Fx.waitUntil(20, () -> robot.lookup("#appTitle").queryAs(Label.class).getText().contains("frozen"));
    assertEquals(1, admin.get("v1/user/" + admin.openId() + "/app/" + app.getString("appId"), Map.of())
        .getJsonObject("app").getInteger("status"));
    robot.clickOn("#freezeApp");
    Fx.waitUntil(20, () -> !robot.lookup("#appTitle").queryAs(Label.class).getText().contains("frozen"));

    // delete asks first: cancelling keeps the app, confirming deletes it
    robot.clickOn("#deleteApp");
    robot.clickOn("#confirmNo");
    assertEquals(1, rows());
    robot.clickOn("#deleteApp");
    robot.clickOn("#confirmYes");
    Fx.waitUntil(20, () -> robot.lookup("#appsTable").queryAs(TableView.class).getItems().isEmpty());
    ApiError gone = assertThrows(ApiError.class,
        () -> admin.get("v1/user/" + admin.openId() + "/app/" + app.getString("appId"), Map.of()));
    assertEquals(4004, gone.code());
  }
}

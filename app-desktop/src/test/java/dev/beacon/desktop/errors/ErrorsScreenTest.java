package dev.beacon.desktop.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.ErrorEvent;
import dev.beacon.desktop.client.Issue;
import dev.beacon.desktop.support.LiveServerTest;
import dev.beacon.desktop.support.Stages;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Errors screen against a real server: reports become issues, the detail, search, resolve, raw logs. */
class ErrorsScreenTest extends LiveServerTest {

  private static JsonObject app(BeaconClient admin, String name) throws Exception {
    return admin.post("v1/user/" + admin.openId() + "/app", new JsonObject().put("name", name).put("platform", 1))
        .getJsonObject("app");
  }

  private static void report(String appKey, String type, String message, String stack, String version) throws Exception {
    server.anonymous().post("api/v1/error/report", new JsonObject().put("app_key", appKey).put("machine_id", "m-" + type)
        .put("software_version", version).put("error_type", type).put("error_message", message)
        .put("error_stack", stack).put("os_info", "Windows 11 Pro"));
  }

  private static String state(ErrorsScreen screen, TableView<Issue> table) {
    ErrorsModel m = screen.model();
    return "search=" + m.search.get() + " status=" + m.status.get() + " busy=" + m.busy.get() + " problem=" + m.problem.get()
        + " rows=" + table.getItems().size() + " total=" + m.total.get();
  }

  @Test
  void reportsBecomeIssuesThatCanBeSearchedInspectedAndResolved() throws Exception {
    BeaconClient admin = server.admin();
    JsonObject app = app(admin, "Checkout app");
    String appId = app.getString("appId");

    ErrorsScreen screen = new ErrorsScreen(server.context());
    Stages.show(Fx.call(screen::view));
    Fx.run(screen::shown);
    FxRobot robot = new FxRobot();
    TableView<Issue> table = robot.lookup("#errors-issues").queryTableView();
    Label empty = robot.lookup("#errors-empty").query();
    Fx.waitUntil(20, () -> !screen.model().busy.get() && empty.getText().contains("No errors reported"));
    TextArea curl = robot.lookup("#errors-curl").query();
    assertTrue(Fx.call(curl::getText).contains(app.getString("appKey")), "the empty state's curl uses the app key");
    assertTrue(Fx.call(curl::getText).contains(server.url() + "api/v1/error/report"));

    report(app.getString("appKey"), "java.lang.NullPointerException", "cart is null",
        "java.lang.NullPointerException: cart is null\n\tat com.acme.Checkout.pay(Checkout.java:42)\n\tat com.acme.Main.main(Main.java:7)",
        "1.2.0");
    report(app.getString("appKey"), "java.lang.IllegalStateException", "sync failed",
        "java.lang.IllegalStateException: sync failed\n\tat com.acme.Sync.run(Sync.java:10)", "1.3.0");
    robot.clickOn("#errors-refresh");
    Fx.waitUntil(20, () -> table.getItems().size() == 2);

    robot.clickOn("#errors-search").write("sync");
    Stages.await("the search", () -> table.getItems().size() == 1, () -> state(screen, table));
    assertTrue(Fx.call(() -> table.getItems().get(0).title()).contains("sync failed"));
    Fx.run(() -> screen.model().search.set("CART"));
    Stages.await("a case-insensitive search", () -> table.getItems().size() == 1
        && table.getItems().get(0).title().contains("NullPointerException"), () -> state(screen, table));

    Stages.clickRow(robot, "errors-issues", 0);
    TextArea stack = robot.lookup("#issue-stack").query();
    Stages.await("the stack", () -> stack.getText().contains("at com.acme.Checkout.pay(Checkout.java:42)"),
        () -> state(screen, table) + " detail=" + screen.model().detail.get() + " selected="
            + table.getSelectionModel().getSelectedItem());
    assertTrue(Fx.call(() -> robot.lookup("#issue-meta").queryAs(Label.class).getText()).contains("Windows 11 Pro"));
    String issueId = Fx.call(() -> table.getItems().get(0).issueId());

    robot.clickOn("#issue-resolve");
    Stages.await("resolving", () -> table.getItems().isEmpty() && !screen.model().busy.get(), () -> state(screen, table));
    JsonObject detail = admin.get("v1/user/" + admin.openId() + "/app/" + appId + "/issues/" + issueId, Map.of());
    assertEquals("resolved", detail.getJsonObject("issue").getString("status"), "the server says resolved");
    Stages.await("the filtered empty state", () -> empty.getText().contains("No issues match these filters"),
        () -> empty.getText());
    Fx.run(() -> {
      screen.model().search.set("");
      screen.model().status.set("resolved");
    });
    Stages.await("the resolved filter", () -> table.getItems().size() == 1 && issueId.equals(table.getItems().get(0).issueId()),
        () -> state(screen, table));

    robot.clickOn("Raw logs");
    TableView<ErrorEvent> logs = robot.lookup("#errors-logs").queryTableView();
    Fx.waitUntil(20, () -> logs.getItems().size() == 2);
  }
}

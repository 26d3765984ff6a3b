package dev.beacon.desktop.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.support.LiveServerTest;
import dev.beacon.desktop.support.ScreenStage;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Overview against a real server: a heartbeat moves the DAU tile and chart. */
class OverviewScreenTest extends LiveServerTest {
  final FxRobot robot = new FxRobot();

  @SuppressWarnings("unchecked")
  private static long lastDau(LineChart<?, ?> chart) {
    XYChart.Series<String, Number> dau = (XYChart.Series<String, Number>) chart.getData().get(0);
    return dau.getData().isEmpty() ? -1 : dau.getData().get(dau.getData().size() - 1).getYValue().longValue();
  }

  @Test
  void aHeartbeatMovesTheDauTileAndChart() throws Exception {
    ConsoleContext ctx = server.context();
    BeaconClient admin = ctx.client();
    JsonObject app = admin.post("v1/user/" + admin.openId() + "/app", new JsonObject().put("name", "Pulse").put("platform", 3))
        .getJsonObject("app");
    OverviewScreen screen = new OverviewScreen(ctx);
    ScreenStage.show(screen);
    Fx.waitUntil(20, () -> ctx.currentAppProperty().get() != null && screen.model().loads() > 0 && !screen.model().busyProperty().get());
    assertEquals("0", Fx.call(() -> robot.lookup("#tile-dau").queryAs(Label.class).getText()));

    server.anonymous().post("api/v1/user/heartbeat", new JsonObject().put("app_key", app.getString("appKey"))
        .put("machine_id", "machine-1").put("version", "1.0.0"));
    long before = Fx.call(() -> screen.model().loads());
    Fx.run(() -> screen.model().load()); // what the minute's refresh does
    Fx.waitUntil(20, () -> screen.model().loads() > before && !screen.model().busyProperty().get());
    assertEquals("1", Fx.call(() -> robot.lookup("#tile-dau").queryAs(Label.class).getText()));
    assertEquals(1, Fx.call(() -> lastDau(robot.lookup("#activeChart").queryAs(LineChart.class))), "today's DAU point");
    assertTrue(Fx.call(() -> robot.lookup("#tile-online").queryAs(Label.class).getText()).equals("1"), "online now");
  }
}

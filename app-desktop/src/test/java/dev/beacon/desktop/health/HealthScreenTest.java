package dev.beacon.desktop.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.HealthVersion;
import dev.beacon.desktop.support.LiveConsole;
import dev.beacon.desktop.support.ScreenStage;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * The Health screen against a real server: a version whose machines report errors while the one
 * before had none turns its row red, and Halt in that row halts it, after which a machine that
 * does not have it is offered the previous version; a version machines run that is not a release
 * is listed without rollout controls.
 */
class HealthScreenTest {
  @RegisterExtension
  static final LiveConsole console = new LiveConsole();
  final FxRobot robot = new FxRobot();

  @Test
  void aWorseVersionIsRedAndHaltFromItsRowHaltsIt() throws Exception {
    ConsoleContext ctx = console.context();
    BeaconClient admin = ctx.client();
    JsonObject app = console.newApp("Healthy");
    String appKey = app.getString("appKey");
    String base = console.versions(app);
    console.released(base, "1.0.0", 1);
    String v2 = console.version(base, "2.0.0", 2);
    admin.post(base + "/" + v2 + "/action", new JsonObject().put("release", new JsonObject().put("rollout", 50)));
    for (String m : List.of("a", "b", "c", "d")) {
      console.heartbeat(appKey, m, "1.0.0");
    }
    console.heartbeat(appKey, "g", "0.5.0"); // a build never published in Beacon: listed, without rollout controls
    for (String m : List.of("e", "f")) {
      console.heartbeat(appKey, m, "2.0.0");
      console.server().anonymous().post("api/v1/error/report", new JsonObject().put("app_key", appKey).put("machine_id", m)
          .put("software_version", "2.0.0").put("error_type", "CrashError").put("error_message", "boom")
          .put("error_stack", "at Main.run(Main.java:1)").put("os_info", "Windows 11"));
    }

    HealthScreen screen = new HealthScreen(ctx);
    ScreenStage.show(screen);
    Fx.waitUntil(20, () -> screen.model().versions().size() == 3 && !screen.model().busyProperty().get());
    HealthVersion bad = screen.model().versions().get(0);
    assertEquals("2.0.0", bad.version());
    assertEquals(2, bad.machines());
    assertEquals(2, bad.errorMachines());
    assertTrue(bad.worse(), "2.0.0: every machine with errors, 1.0.0 had none at the same age: " + bad);
    Fx.waitUntil(10, () -> rowOf("2.0.0") != null);
    assertTrue(Fx.call(() -> rowOf("2.0.0").getStyleClass().contains(HealthView.WORSE)), "the bad version's row is red");
    assertFalse(Fx.call(() -> rowOf("1.0.0").getStyleClass().contains(HealthView.WORSE)), "the good one is not");
    HealthVersion unreleased = screen.model().versions().get(2);
    assertEquals("0.5.0", unreleased.version());
    assertEquals("not in Releases", unreleased.rolloutText());
    Node haltUnreleased = shown("#health-halt-0_5_0");
    assertTrue(Fx.call(() -> haltUnreleased.isDisabled() && onScreen("#health-resume-0_5_0").isDisabled()
        && onScreen("#health-complete-0_5_0").isDisabled()), "no rollout to act on");

    robot.clickOn(shown("#health-halt-2_0_0"));
    Fx.waitUntil(20, () -> !screen.model().versions().isEmpty() && "halted".equals(screen.model().versions().get(0).state())
        && !screen.model().busyProperty().get());
    assertEquals("halted", admin.get(base + "/" + v2, java.util.Map.of()).getJsonObject("appVersion").getString("state"));
    JsonObject check = console.server().anonymous().post("api/v1/version/check", new JsonObject().put("app_key", appKey)
        .put("current_version", "0.9.0").put("platform", "windows").put("machine_id", "newcomer")).getJsonObject("data");
    assertEquals("1.0.0", check.getString("latest_version"), "halted: a machine without 2.0.0 gets the previous version: " + check);
    Fx.waitUntil(10, () -> Fx.call(() -> onScreen("#health-resume-2_0_0") != null && !onScreen("#health-resume-2_0_0").isDisabled()));
    assertTrue(Fx.call(() -> onScreen("#health-halt-2_0_0").isDisabled()), "halted: Halt no longer applies");
  }

  /**
   * The node with this id that is on screen, once there is one: the table keeps spare cells
   * (hidden, with the graphic of a row they showed before), and a row read again replaces them.
   */
  private Node shown(String query) throws Exception {
    Fx.waitUntil(10, () -> Fx.call(() -> onScreen(query) != null));
    return Fx.call(() -> onScreen(query));
  }

  private Node onScreen(String query) {
    for (Node n : robot.lookup(query).queryAll()) {
      boolean visible = n.getScene() != null;
      for (Node p = n; visible && p != null; p = p.getParent()) {
        visible = p.isVisible();
      }
      if (visible) {
        return n;
      }
    }
    return null;
  }

  /** The table row showing the version, or null. */
  private TableRow<?> rowOf(String version) {
    for (Node n : robot.lookup(".table-row-cell").queryAll()) {
      if (n instanceof TableRow<?> row && row.getItem() instanceof HealthVersion v && v.version().equals(version)) {
        return row;
      }
    }
    return null;
  }
}

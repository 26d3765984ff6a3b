package dev.beacon.desktop.support;

import dev.beacon.desktop.theme.ThemeManager;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.testfx.api.FxToolkit;

/** Puts one screen's view into TestFX's stage, at a size within the headless 1280x800 screen (larger overflows Monocle), for driving it with a robot. */
public final class Stages {
  private Stages() {}

  /** Waits (bounded) until {@code condition} holds on the FX thread; on timeout fails with {@code state}. */
  public static void await(String what, java.util.concurrent.Callable<Boolean> condition,
      java.util.concurrent.Callable<String> state) throws Exception {
    try {
      dev.beacon.desktop.Fx.waitUntil(30, condition);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("timed out waiting for " + what + "; state: " + dev.beacon.desktop.Fx.call(state), e);
    }
  }

  /** Row {@code n} of the table {@code #tableId}, once the table has drawn it (cells come a pulse after the items). */
  public static Node row(org.testfx.api.FxRobot robot, String tableId, int n) throws Exception {
    String query = "#" + tableId + " .table-row-cell";
    // visible only: the table keeps an invisible row for measuring, which may carry an index too
    java.util.function.Predicate<Node> shown = c -> c instanceof javafx.scene.control.TableRow<?> r
        && r.getIndex() == n && r.getItem() != null && r.isVisible() && !r.isEmpty();
    await("row " + n + " of " + tableId, () -> robot.lookup(query).queryAll().stream().anyMatch(shown), () -> "no such row");
    return dev.beacon.desktop.Fx.call(() -> robot.lookup(query).queryAll().stream().filter(shown).findFirst().orElseThrow());
  }

  /**
   * Clicks row {@code n} of the table {@code #tableId} until the table has it selected: under a
   * loaded machine the row can still move while the table lays out, and the click then misses.
   */
  public static void clickRow(org.testfx.api.FxRobot robot, String tableId, int n) throws Exception {
    javafx.scene.control.TableView<?> table = robot.lookup("#" + tableId).query();
    for (int attempt = 0; attempt < 3; attempt++) {
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
      robot.clickOn(row(robot, tableId, n));
      try {
        dev.beacon.desktop.Fx.waitUntil(5, () -> table.getSelectionModel().getSelectedIndex() == n);
        return;
      } catch (java.util.concurrent.TimeoutException missed) {
        // click again
      }
    }
    throw new AssertionError("row " + n + " of " + tableId + " did not get selected by clicking it");
  }

  /**
   * Opens the combo box {@code #comboId} and clicks {@code text} in its popup (a text lookup alone
   * could hit a table cell with the same text, even one in a hidden tab), then waits for the value.
   */
  public static void choose(org.testfx.api.FxRobot robot, String comboId, String text) throws Exception {
    javafx.scene.control.ComboBox<?> combo = robot.lookup("#" + comboId).query();
    robot.clickOn(combo);
    java.util.function.Predicate<Node> cell = n -> n instanceof javafx.scene.control.ListCell<?> c
        && text.equals(c.getText()) && c.getScene() != null
        && c.getScene().getWindow() instanceof javafx.stage.PopupWindow w && w.isShowing();
    await("'" + text + "' in the list of " + comboId, () -> robot.lookup(".list-cell").queryAll().stream().anyMatch(cell),
        () -> "items " + combo.getItems());
    robot.clickOn(dev.beacon.desktop.Fx.call(() -> robot.lookup(".list-cell").queryAll().stream().filter(cell).findFirst().orElseThrow()));
    await(comboId + " set", () -> combo.getValue() != null && !combo.isShowing(), () -> "value " + combo.getValue());
  }

  public static void show(Node view) throws Exception {
    FxToolkit.setupStage(stage -> {
      Scene scene = new Scene((Parent) view, 1200, 760);
      ThemeManager.apply(scene);
      stage.setScene(scene);
      stage.show();
      stage.toFront();
    });
  }
}

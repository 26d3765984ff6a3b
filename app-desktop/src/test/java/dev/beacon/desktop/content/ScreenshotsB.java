package dev.beacon.desktop.content;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.docs.DocsScreen;
import dev.beacon.desktop.errors.ErrorsScreen;
import dev.beacon.desktop.support.LiveServer;
import dev.beacon.desktop.support.Snapshots;
import dev.beacon.desktop.support.Stages;
import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.Screen;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: writes screenshots of the Errors, Docs and Content screens with sample data, for the
 * README. Runs only with {@code -Dbeacon.screenshots=<folder>}:
 * {@code mvn -pl app-desktop -am test -Dtest=ScreenshotsB -Dsurefire.failIfNoSpecifiedTests=false -Dbeacon.screenshots=$PWD/docs/screenshots}.
 */
@EnabledIfSystemProperty(named = "beacon.screenshots", matches = ".+")
class ScreenshotsB {
  @Test
  void writeScreenshots() throws Exception {
    Path dir = Path.of(System.getProperty("beacon.screenshots"));
    Fx.startToolkit();
    try (LiveServer server = LiveServer.start()) {
      BeaconClient admin = server.admin();
      JsonObject app = admin.post("v1/user/" + admin.openId() + "/app", new JsonObject().put("name", "Acme Notes").put("platform", 3))
          .getJsonObject("app");
      String[][] errors = {
          {"java.lang.NullPointerException", "Cannot invoke \"Note.title()\" because \"note\" is null", "com.acme.notes.Editor.save(Editor.java:88)", "2.3.1"},
          {"java.io.IOException", "disk full", "com.acme.notes.Store.write(Store.java:41)", "2.3.0"},
          {"System.InvalidOperationException", "Sequence contains no elements", "Acme.Sync.Merge(Sync.cs:120)", "2.2.9"}};
      for (int i = 0; i < errors.length; i++) {
        for (int n = 0; n <= i * 3; n++) {
          server.anonymous().post("api/v1/error/report", new JsonObject().put("app_key", app.getString("appKey"))
              .put("machine_id", "machine-" + n).put("software_version", errors[i][3]).put("error_type", errors[i][0])
              .put("error_message", errors[i][1]).put("os_info", "Windows 11 Pro 10.0.22631")
              .put("error_stack", errors[i][0] + ": " + errors[i][1] + "\n\tat " + errors[i][2] + "\n\tat com.acme.notes.Main.run(Main.java:12)"));
        }
      }
      String doc = admin.post("v1/admin/doc", new JsonObject().put("name", "Getting started").put("type", 7).put("content",
          "# Getting started\n\nInstall the SDK, then call `Beacon.start(appKey)`.\n\n| Platform | Package |\n|---|---|\n"
              + "| Windows | `beacon-sdk.msi` |\n| Android | `beacon-sdk.aar` |\n")).getString("docId");
      String guides = admin.post("v1/admin/doc/tree", new JsonObject().put("name", "Guides")).getString("id");
      admin.post("v1/admin/doc/tree", new JsonObject().put("pid", guides).put("name", "Getting started").put("docId", doc));
      admin.post("v1/admin/doc/tree", new JsonObject().put("pid", guides).put("name", "Releasing updates"));
      admin.post("v1/admin/doc/tree", new JsonObject().put("name", "API reference"));
      for (String[] s : new String[][] {{"Beacon Java SDK", "2"}, {"Beacon .NET SDK", "2"}, {"Light app kit", "1"}}) {
        admin.post("v1/admin/sdk", new JsonObject().put("name", s[0]).put("provider", "Acme").put("authority", "1")
            .put("platform", "3").put("type", s[1]).put("version", "1.4.0"));
      }

      ConsoleContext ctx = server.context();
      shoot(new ErrorsScreen(ctx), dir.resolve("console-errors.png"), robot -> {
        Stages.clickRow(robot, "errors-issues", 0);
        return null;
      }, ctx);
      shoot(new DocsScreen(ctx), dir.resolve("console-docs.png"), robot -> {
        robot.clickOn("Getting started");
        return null;
      }, ctx);
      shoot(new ContentScreen(ctx), dir.resolve("console-content.png"), robot -> {
        Stages.clickRow(robot, "sdk-table", 0);
        return null;
      }, ctx);
      ctx.io().shutdown();
    }
    if (!Files.isRegularFile(dir.resolve("console-content.png"))) {
      throw new AssertionError("no screenshots written to " + dir);
    }
  }

  interface Step {
    Void run(FxRobot robot) throws Exception;
  }

  private static void shoot(Screen screen, Path file, Step step, ConsoleContext ctx) throws Exception {
    Stages.show(Fx.call(screen::view));
    Fx.run(screen::shown);
    FxRobot robot = new FxRobot();
    settle();
    step.run(robot);
    settle();
    Callable<Void> save = () -> {
      Snapshots.save(((Node) screen.view()).getScene(), file);
      return null;
    };
    Fx.call(save);
  }

  private static void settle() throws Exception {
    Thread.sleep(2500); // background calls and image loads; a picture, not an assertion
    WaitForAsyncUtils.waitForFxEvents();
  }
}

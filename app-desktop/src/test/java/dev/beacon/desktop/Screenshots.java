package dev.beacon.desktop;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.shell.ConsoleOptions;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;
import dev.beacon.desktop.support.Stages;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxToolkit;

/**
 * Writes the README's screenshots: the real console (headless, Monocle) on a fresh data folder,
 * seeded with apps, versions, heartbeats, errors, docs and SDKs through the API, each screen snapshotted to
 * a PNG. Runs only when asked:
 *
 * <pre>
 * mvn -q -pl app-desktop -am test -Dtest=Screenshots -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbeacon.screenshots=$PWD/docs/screenshots [-Dbeacon.screenshots.screens=overview,apps,...]
 * </pre>
 *
 * Without {@code beacon.screenshots.screens} every registered screen but the Overview is taken (named
 * by its id): the Overview's pictures need a year of history, which {@code OverviewScreenshots} builds.
 */
@EnabledIfSystemProperty(named = "beacon.screenshots", matches = ".+")
class Screenshots {
  static final int WIDTH = 1100;
  static final int HEIGHT = 700;

  @Test
  void writeThem() throws Exception {
    Path out = Path.of(System.getProperty("beacon.screenshots"));
    Files.createDirectories(out);
    Path data = TempDirs.create("beacon-screenshots-");
    // the first-run question answered: reachable from the network, so the snippets show the LAN address
    Files.writeString(data.resolve("console.properties"), "lan.allowed=true\n");
    Stage stage = FxToolkit.registerPrimaryStage();
    CountDownLatch exited = new CountDownLatch(1);
    BeaconApp app = (BeaconApp) FxToolkit.setupApplication(() -> new BeaconApp(new ConsoleOptions(data, 0, true), exited::countDown));
    try {
      Fx.run(() -> {
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
      });
      Fx.waitUntil(90, () -> app.context().client() != null);
      JsonObject shown = seed(app.context().client());
      Fx.run(() -> app.context().setCurrentApp(dev.beacon.desktop.ui.AppRef.of(dev.beacon.desktop.client.App.from(shown))));
      Fx.run(() -> app.window().select("server")); // away from the first screen, so that each one loads the seeded data when shown
      List<String> ids = new ArrayList<>();
      String only = System.getProperty("beacon.screenshots.screens", "");
      if (only.isBlank()) {
        Fx.run(() -> app.window().screens().stream().filter(s -> !s.id().equals("overview")).forEach(s -> ids.add(s.id())));
      } else {
        ids.addAll(List.of(only.split(",")));
      }
      FxRobot robot = new FxRobot();
      for (String id : ids) {
        Fx.run(() -> app.window().select(id.trim()));
        Thread.sleep(2500); // the screen loads in the background
        if (id.trim().equals("health")) {
          Thread.sleep(2500); // its figures read usage, errors and releases
        } else if (id.trim().equals("errors")) {
          Stages.clickRow(robot, "errors-issues", 0); // an issue's detail beside the list
          Thread.sleep(1500);
        } else if (id.trim().equals("docs")) {
          robot.clickOn("Getting started"); // a rendered doc
          Thread.sleep(2500);
        } else if (id.trim().equals("content")) {
          Stages.clickRow(robot, "sdk-table", 0);
          Thread.sleep(1500);
        }
        WritableImage img = Fx.call(() -> stage.getScene().snapshot(null));
        Path png = out.resolve(id.trim() + ".png");
        ImageIO.write(toBuffered(img), "png", png.toFile());
        System.out.println("Screenshots: wrote " + png + " (" + (int) img.getWidth() + "x" + (int) img.getHeight() + ")");
      }
    } finally {
      Fx.run(() -> Event.fireEvent(stage, new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
      exited.await(60, TimeUnit.SECONDS);
      FxToolkit.cleanupApplication(app);
      TempDirs.delete(data);
    }
  }

  /**
   * An app with versions (two released), a module, heartbeats from a few machines, errors of three
   * kinds, a doc tree with a doc, and SDKs.
   */
  static JsonObject seed(BeaconClient c) throws Exception {
    String apps = "v1/user/" + c.openId() + "/app";
    c.post(apps, new JsonObject().put("name", "Acme Sync").put("platform", 1));
    JsonObject app = c.post(apps, new JsonObject().put("name", "Acme Notes").put("platform", 3)
        .put("desc", "The note-taking app")).getJsonObject("app");
    String versions = apps + "/" + app.getString("appId") + "/version";
    String[][] vs = {{"1.4.0", "140"}, {"1.5.0", "150"}, {"1.6.0-beta", "160"}};
    for (String[] v : vs) {
      JsonObject created = c.post(versions, new JsonObject().put("name", v[0]).put("code", Integer.parseInt(v[1]))
          .put("url", "https://downloads.example.com/acme-notes-" + v[0] + ".zip")
          .put("md5", Integer.toHexString(v[0].hashCode()) + "9e107d9d372bb6826bd81d3542a419d6".substring(8))
          .put("desc", "Fixes and improvements").put("deviceIds", v[0].contains("beta") ? "qa-laptop-1;qa-laptop-2" : ""));
      if (!v[0].contains("beta")) {
        c.post(versions + "/" + created.getString("versionId") + "/action", new JsonObject().putNull("release"));
      }
    }
    c.post(apps + "/" + app.getString("appId") + "/module", new JsonObject().put("name", "spell-checker"));
    String key = app.getString("appKey");
    for (int m = 0; m < 14; m++) {
      c.post("api/v1/user/heartbeat", new JsonObject().put("app_key", key).put("machine_id", "machine-" + m)
          .put("version", m < 9 ? "1.5.0" : "1.4.0"));
    }
    String[][] errors = {
        {"java.lang.NullPointerException", "Cannot invoke \"Note.title()\" because \"note\" is null", "com.acme.notes.Editor.save(Editor.java:88)", "1.5.0"},
        {"java.io.IOException", "No space left on device", "com.acme.notes.Store.write(Store.java:41)", "1.5.0"},
        {"System.InvalidOperationException", "Sequence contains no elements", "Acme.Sync.Merge(Sync.cs:120)", "1.4.0"}};
    for (int i = 0; i < errors.length; i++) {
      for (int n = 0; n <= 6 - i * 3; n++) {
        c.post("api/v1/error/report", new JsonObject().put("app_key", key).put("machine_id", "machine-" + n)
            .put("software_version", errors[i][3]).put("error_type", errors[i][0]).put("error_message", errors[i][1])
            .put("os_info", "Windows 11 Pro 10.0.22631")
            .put("error_stack", errors[i][0] + ": " + errors[i][1] + "\n\tat " + errors[i][2] + "\n\tat com.acme.notes.Main.run(Main.java:12)"));
      }
    }
    String doc = c.post("v1/admin/doc", new JsonObject().put("name", "Getting started").put("type", 7).put("content",
        "# Getting started\n\nInstall the SDK, then call `Beacon.start(appKey)` when your app starts: it sends a "
            + "heartbeat every few minutes and asks for updates.\n\n| Platform | Package |\n|---|---|\n"
            + "| Windows | `beacon-sdk.msi` |\n| Android | `beacon-sdk.aar` |\n")).getString("docId");
    String guides = c.post("v1/admin/doc/tree", new JsonObject().put("name", "Guides")).getString("id");
    c.post("v1/admin/doc/tree", new JsonObject().put("pid", guides).put("name", "Getting started").put("docId", doc));
    c.post("v1/admin/doc/tree", new JsonObject().put("pid", guides).put("name", "Releasing updates"));
    c.post("v1/admin/doc/tree", new JsonObject().put("name", "API reference"));
    for (String[] s : new String[][] {{"Beacon Java SDK", "2"}, {"Beacon .NET SDK", "2"}, {"Light app kit", "1"}}) {
      c.post("v1/admin/sdk", new JsonObject().put("name", s[0]).put("provider", "Acme").put("authority", "1")
          .put("platform", "3").put("type", s[1]).put("version", "1.4.0"));
    }
    return app;
  }

  /** A JavaFX image as an AWT one, for ImageIO (no javafx-swing needed). */
  static BufferedImage toBuffered(WritableImage img) {
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    int[] argb = new int[w * h];
    PixelReader r = img.getPixelReader();
    r.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
    BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    b.setRGB(0, 0, w, h, argb, 0, w);
    return b;
  }
}

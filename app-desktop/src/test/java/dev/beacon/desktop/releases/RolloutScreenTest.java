package dev.beacon.desktop.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.support.LiveConsole;
import dev.beacon.desktop.support.ScreenStage;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * The Releases screen's rollout against a real server: several packages on one version from the
 * dialog, Roll out at a percentage, Halt, Resume, Complete, Roll back, the history, the machines
 * on a version, and the update feeds with their copy buttons.
 */
class RolloutScreenTest {
  @RegisterExtension
  static final LiveConsole console = new LiveConsole();
  final FxRobot robot = new FxRobot();

  private static JsonObject version(BeaconClient admin, String base, String id) throws Exception {
    return admin.get(base + "/" + id, Map.of()).getJsonObject("appVersion");
  }

  @Test
  void rollsAVersionOutStepByStepAndShowsItsPackagesHistoryAndFeeds() throws Exception {
    ConsoleContext ctx = console.context();
    BeaconClient admin = ctx.client();
    JsonObject app = console.newApp("Rolled");
    String base = console.versions(app);
    console.released(base, "1.0.0", 1);
    for (String m : List.of("a", "b", "c")) {
      console.heartbeat(app.getString("appKey"), m, "1.0.0");
    }

    ReleasesScreen screen = new ReleasesScreen(ctx);
    ScreenStage.show(screen);
    Fx.waitUntil(20, () -> screen.model().versions().size() == 1 && !screen.model().busyProperty().get());

    byte[] content = new byte[200_000];
    new Random(11).nextBytes(content);
    Path pkg = Files.write(console.folder().resolve("Rolled-Setup-2.0.0.exe"), content);
    String sha512 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(content));
    robot.clickOn("#newVersion");
    Fx.waitUntil(10, () -> robot.lookup("#versionName").tryQuery().isPresent());
    robot.clickOn("#versionName").write("2.0.0");
    robot.clickOn("#versionCode").write("2");
    Fx.run(() -> robot.lookup("#versionChannel").queryAs(TextField.class).setText("stable"));
    Fx.run(() -> robot.lookup("#packagePath").queryAs(TextField.class).setText(pkg.toString()));
    robot.clickOn("#uploadPackage");
    Fx.waitUntil(60, () -> !robot.lookup("#versionMd5").queryAs(TextField.class).getText().isEmpty());
    Fx.run(() -> robot.lookup("#packageArch").queryAs(TextField.class).setText("x64"));
    robot.clickOn("#addUploadPackage");
    Fx.run(() -> {
      robot.lookup("#packagePlatform").<javafx.scene.control.ComboBox<String>>query().getEditor().setText("macos");
      robot.lookup("#packageArch").queryAs(TextField.class).setText("");
      robot.lookup("#packageUrl").queryAs(TextField.class).setText("https://dl.example.com/Rolled-2.0.0-mac.zip");
      robot.lookup("#packageSignature").queryAs(TextField.class).setText("c2ln");
    });
    robot.clickOn("#addUrlPackage");
    Fx.waitUntil(10, () -> robot.lookup("#packagesList").queryAs(ListView.class).getItems().size() == 2);
    robot.clickOn("#dialogOk");
    Fx.waitUntil(20, () -> screen.model().versions().size() == 2 && !screen.model().busyProperty().get());

    String v2 = screen.model().versions().get(0).versionId();
    JsonArray packages = version(admin, base, v2).getJsonArray("packages");
    assertEquals(2, packages.size(), "several packages on one version: " + packages);
    assertEquals("windows", packages.getJsonObject(0).getString("platform"));
    assertEquals("x64", packages.getJsonObject(0).getString("arch"));
    assertEquals(sha512, packages.getJsonObject(0).getString("sha512"), "the upload's SHA-512, computed by the server");
    assertEquals("macos", packages.getJsonObject(1).getString("platform"));
    assertEquals("c2ln", packages.getJsonObject(1).getString("edSignature"));

    Fx.run(() -> robot.lookup("#versionsTable").queryAs(TableView.class).getSelectionModel().select(0));
    Fx.waitUntil(10, () -> robot.lookup("#rolloutTitle").queryAs(Label.class).getText().startsWith("2.0.0"));
    List<?> lines = Fx.call(() -> List.copyOf(robot.lookup("#rolloutPackages").queryAs(ListView.class).getItems()));
    assertTrue(lines.get(1).toString().contains("left out of electron-updater"), "a package without hashes says which feeds leave it out: " + lines);

    Fx.run(() -> robot.lookup("#rolloutPercent").<Spinner<Integer>>query().getValueFactory().setValue(25));
    robot.clickOn("#rollOut");
    Fx.waitUntil(20, () -> "rolling".equals(screen.model().selectedProperty().get().state()) && !screen.model().busyProperty().get());
    JsonObject rolling = version(admin, base, v2);
    assertEquals("rolling", rolling.getString("state"));
    assertEquals(25, rolling.getInteger("rollout"));

    for (String[] step : new String[][] {{"#halt", "halted"}, {"#resume", "rolling"}, {"#complete", "released"}, {"#rollBack", "disabled"}}) {
      robot.clickOn(step[0]);
      Fx.waitUntil(20, () -> step[1].equals(screen.model().selectedProperty().get().state()) && !screen.model().busyProperty().get());
      assertEquals(step[1], version(admin, base, v2).getString("state"), step[0]);
    }
    List<?> history = Fx.call(() -> List.copyOf(robot.lookup("#rolloutHistory").queryAs(ListView.class).getItems()));
    assertEquals(5, history.size(), history.toString());
    assertTrue(history.get(0).toString().contains("rollback"), "newest first: " + history);
    assertTrue(history.get(4).toString().contains("release") && history.get(4).toString().contains("25%"), history.toString());

    Fx.run(() -> robot.lookup("#versionsTable").queryAs(TableView.class).getSelectionModel().select(1));
    Fx.waitUntil(10, () -> robot.lookup("#rolloutMachines").queryAs(Label.class).getText().equals("3 machines on it now"));

    robot.clickOn("Update feeds");
    String sparkle = console.server().url().toString().replaceAll("/$", "") + "/feeds/" + app.getString("appKey") + "/appcast.xml";
    Fx.waitUntil(10, () -> sparkle.equals(robot.lookup("#sparkleFeedUrl").queryAs(TextField.class).getText()));
    robot.clickOn("#sparkleFeedCopy");
    assertEquals(sparkle, Fx.call(() -> Clipboard.getSystemClipboard().getString()));
    assertTrue(Fx.call(() -> robot.lookup("#electronFeedSetup").queryAs(TextField.class).getText()).contains("provider: 'generic'"));
    assertTrue(Fx.call(() -> robot.lookup("#velopackFeedSetup").queryAs(TextField.class).getText()).contains("UpdateManager"));
  }
}

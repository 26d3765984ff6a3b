package dev.beacon.desktop.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.ApiError;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.support.LiveConsole;
import dev.beacon.desktop.support.ScreenStage;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** The Releases screen's real view against a real server: upload, create, release, and what clients are offered. */
class ReleasesScreenTest {
  @RegisterExtension
  static final LiveConsole console = new LiveConsole();
  final FxRobot robot = new FxRobot();

  /** What {@code POST /v1/app/upgrade} offers a client now: the version name, or null (4004). */
  private static String offered(JsonObject app) throws ApiError {
    try {
      return console.server().anonymous().post("v1/app/upgrade", new JsonObject().put("appId", app.getString("appId"))
          .put("appKey", app.getString("appKey"))).getJsonObject("version").getString("versionName");
    } catch (ApiError e) {
      assertEquals(4004, e.code(), e.getMessage());
      return null;
    }
  }

  /** The row's switch, once the table has laid the row out. */
  private void awaitSwitch(String name) throws Exception {
    Fx.waitUntil(10, () -> robot.lookup("#release-" + name.replace('.', '_')).tryQuery().isPresent());
  }

  private void toggle(String name) throws Exception {
    awaitSwitch(name);
    robot.clickOn(robot.lookup("#release-" + name.replace('.', '_')).lookup(".thumb-area").<Node>query(), MouseButton.PRIMARY);
  }

  private boolean released(String name) throws Exception {
    awaitSwitch(name);
    return Fx.call(() -> robot.lookup("#release-" + name.replace('.', '_')).queryAs(ToggleSwitch.class).isSelected());
  }

  @Test
  void uploadsAPackageCreatesAVersionAndTheReleaseSwitchDecidesWhatClientsAreOffered() throws Exception {
    ConsoleContext ctx = console.context();
    BeaconClient admin = ctx.client();
    JsonObject app = console.newApp("Editor");
    ReleasesScreen screen = new ReleasesScreen(ctx);
    ScreenStage.show(screen);
    Fx.waitUntil(20, () -> ctx.currentAppProperty().get() != null && !screen.model().busyProperty().get());
    assertEquals(app.getString("appId"), ctx.currentAppProperty().get().appId());
    assertTrue(Fx.call(() -> robot.lookup("#versionsEmpty").queryAs(Label.class).getText()).startsWith("No versions yet"));

    byte[] content = new byte[700_000];
    new Random(7).nextBytes(content);
    Path pkg = Files.write(console.folder().resolve("editor-1.0.0.zip"), content);
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));

    robot.clickOn("#newVersion");
    Fx.waitUntil(10, () -> robot.lookup("#versionName").tryQuery().isPresent());
    robot.clickOn("#versionName").write("1.0.0");
    robot.clickOn("#versionCode").write("100");
    Fx.run(() -> robot.lookup("#packagePath").queryAs(TextField.class).setText(pkg.toString()));
    robot.clickOn("#uploadPackage");
    Fx.waitUntil(60, () -> !robot.lookup("#versionMd5").queryAs(TextField.class).getText().isEmpty());
    assertEquals(md5, Fx.call(() -> robot.lookup("#versionMd5").queryAs(TextField.class).getText()));
    assertFalse(Fx.call(() -> robot.lookup("#versionUrl").queryAs(TextField.class).getText()).isBlank());
    assertEquals(1.0, Fx.call(() -> robot.lookup("#uploadProgress").queryAs(ProgressBar.class).getProgress()), 1e-9);
    robot.clickOn("#dialogOk");
    Fx.waitUntil(20, () -> robot.lookup("#versionsTable").queryAs(TableView.class).getItems().size() == 1);
    assertFalse(released("1.0.0"));
    assertEquals(null, offered(app), "nothing released yet");

    toggle("1.0.0");
    Fx.waitUntil(20, () -> screen.model().versions().get(0).released());
    assertEquals("1.0.0", offered(app));
    JsonObject offeredVersion = console.server().anonymous().post("v1/app/upgrade", new JsonObject()
        .put("appId", app.getString("appId")).put("appKey", app.getString("appKey"))).getJsonObject("version");
    assertEquals(md5, offeredVersion.getString("md5"));

    // a version the server refuses to release (no URL): the switch goes back and says why
    String base = console.versions(app);
    String v2 = admin.post(base, new JsonObject().put("name", "2.0.0").put("code", 200).put("url", "https://x/y.zip")
        .put("md5", md5)).getString("versionId");
    admin.put(base + "/" + v2, new JsonObject().put("url", ""));
    Fx.run(() -> screen.model().loadVersions());
    Fx.waitUntil(20, () -> screen.model().versions().size() == 2 && !screen.model().busyProperty().get());
    toggle("2.0.0");
    Fx.waitUntil(20, () -> !robot.lookup("#releasesProblem").queryAs(Label.class).getText().isEmpty()
        && !screen.model().busyProperty().get());
    assertFalse(released("2.0.0"), "the switch went back");
    assertEquals("1.0.0", offered(app));

    toggle("1.0.0");
    Fx.waitUntil(20, () -> !released("1.0.0") && !screen.model().busyProperty().get());
    assertEquals(null, offered(app), "disabled: nothing offered");
  }

  @Test
  void buildsTheBodyFromTheDialogsFields() {
    JsonObject j = ReleasesModel.input(" 1.2 ", " 12 ", " https://x/a.zip ", "abc", "notes", "dev-1\n\n dev-2 \n", "windows, linux", true, true).json();
    assertEquals("1.2", j.getString("name"));
    assertEquals(12, j.getInteger("code"));
    assertEquals("dev-1;dev-2", j.getString("deviceIds"));
    assertEquals(2, j.getJsonArray("platforms").size());
    assertTrue(j.getBoolean("forceUpdate"));
    JsonObject module = ReleasesModel.input("m", "1", "u", "", "", "", "windows", true, false).json();
    assertFalse(module.containsKey("platforms") || module.containsKey("forceUpdate"), "modules have neither");
    assertEquals("twelve", ReleasesModel.input("a", "twelve", "", "", "", "", "", false, true).json().getString("code"),
        "not a number: sent as is, for the server to say what is wrong");
  }
}

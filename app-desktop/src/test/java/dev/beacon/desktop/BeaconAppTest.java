package dev.beacon.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.shell.ConsoleOptions;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The real console, headless under Monocle: a temp data folder, port 0, then a real HTTP check of what it shows. */
class BeaconAppTest {
  private final FxRobot robot = new FxRobot();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final CountDownLatch exited = new CountDownLatch(1);
  private Path data;
  private Stage stage;
  private BeaconApp app;

  @BeforeEach
  void setUp() throws Exception {
    data = TempDirs.create("beacon-console-");
    stage = FxToolkit.registerPrimaryStage();
    long t0 = System.nanoTime();
    app = (BeaconApp) FxToolkit.setupApplication(() -> new BeaconApp(new ConsoleOptions(data, 0, true), exited::countDown));
    System.out.println("BeaconAppTest: window shown " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms after setup began");
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      FxToolkit.cleanupApplication(app); // Application.stop(): stops the server if still running
      FxToolkit.cleanupStages();
    } finally {
      TempDirs.delete(data);
    }
  }

  private String text(String id) throws Exception {
    return Fx.call(() -> robot.lookup(id).queryAs(Label.class).getText());
  }

  @Test
  void showsTheWindowFirstThenARunningServerThatAnswersHealth() throws Exception {
    // the window is up while the server is still starting beside it
    assertTrue(Fx.call(stage::isShowing));
    long t0 = System.nanoTime();
    String early = text("#status");
    if (early.equals("Starting...")) {
      assertTrue(Fx.call(() -> robot.lookup("#progress").queryAs(ProgressIndicator.class).isVisible()));
    }

    Fx.waitUntil(90, () -> !robot.lookup("#status").queryAs(Label.class).getText().equals("Starting..."));
    String problem = text("#problem");
    assertEquals("Running", text("#status"), () -> "problem shown: " + problem);
    System.out.println("BeaconAppTest: Running " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms after the window");
    assertFalse(Fx.call(() -> robot.lookup("#progress").queryAs(ProgressIndicator.class).isVisible()));

    // signed in as the owner without a form, then the server screen
    Fx.waitUntil(30, () -> app.context().client() != null);
    assertTrue(text("#account").startsWith("Signed in as admin"), text("#account"));
    robot.clickOn("#nav-server");
    int port = Integer.parseInt(text("#port"));
    assertTrue(port > 0, "port shown: " + port);
    String lan = text("#lanAddress");
    assertFalse(lan.isBlank() || lan.equals("\u2014"), "LAN address shown: " + lan);
    assertEquals("http://127.0.0.1:" + port + "/", text("#localUrl"));
    assertEquals(data.toAbsolutePath().normalize().toString(), text("#dataFolder"));

    // the port in the window is a real Beacon server
    HttpResponse<String> resp = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, resp.statusCode());
    JsonObject health = new JsonObject(resp.body());
    assertEquals("up", health.getString("status"));
    assertEquals(health.getString("version"), text("#version"));
    Fx.waitUntil(20, () -> !robot.lookup("#requests").queryAs(Label.class).getText().equals("\u2014"));
    assertTrue(Long.parseLong(text("#requests")) >= 1);

    // Copy URL puts the local URL on the clipboard
    robot.clickOn("#copyUrl");
    assertEquals("http://127.0.0.1:" + port + "/", Fx.call(() -> Clipboard.getSystemClipboard().getString()));

    // closing the window stops the server, then exits
    Fx.run(() -> Event.fireEvent(stage, new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    assertTrue(exited.await(60, TimeUnit.SECONDS), "the console exits after stopping the server");
    assertEquals("Stopped", text("#status"));
    assertThrows(ConnectException.class, () -> http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void asksOnceWhetherTheNetworkMayReachTheServerAndOffersASwitch() throws Exception {
    Fx.waitUntil(90, () -> robot.lookup("#status").queryAs(Label.class).getText().equals("Running"));
    // first run: the question is shown, the server binds this computer only
    assertTrue(Fx.call(() -> robot.lookup("#lanPrompt").query().isVisible()));
    Fx.waitUntil(30, () -> app.context().client() != null);
    Fx.run(() -> app.window().select("server"));
    Fx.waitUntil(20, () -> robot.lookup("#lanHint").tryQuery().isPresent());
    assertTrue(text("#lanHint").startsWith("Only this computer"), text("#lanHint"));
    assertFalse(Fx.call(() -> robot.lookup("#lanSwitch").queryAs(org.controlsfx.control.ToggleSwitch.class).isSelected()));

    robot.clickOn("#lanAllow");
    Fx.waitUntil(90, () -> robot.lookup("#status").queryAs(Label.class).getText().equals("Running")
        && robot.lookup("#lanSwitch").queryAs(org.controlsfx.control.ToggleSwitch.class).isSelected());
    assertFalse(Fx.call(() -> robot.lookup("#lanPrompt").query().isVisible()), "answered: not asked again");
    assertTrue(text("#lanHint").startsWith("Other computers on your network reach Beacon at http://"), text("#lanHint"));
    int port = Integer.parseInt(text("#port"));
    // signed in again on the restarted server; the snippets' address is the LAN one
    Fx.waitUntil(30, () -> app.context().client() != null && app.context().client().base().getPort() == port);
    assertTrue(Fx.call(() -> app.context().publicUrlProperty().get()).endsWith(":" + port), app.context().publicUrlProperty().get());
    assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());

    // the switch takes it back
    robot.clickOn(robot.lookup("#lanSwitch").lookup(".thumb-area").<javafx.scene.Node>query(), javafx.scene.input.MouseButton.PRIMARY);
    Fx.waitUntil(90, () -> robot.lookup("#status").queryAs(Label.class).getText().equals("Running")
        && text("#lanHint").startsWith("Only this computer"));
    assertFalse(Fx.call(() -> robot.lookup("#lanSwitch").queryAs(org.controlsfx.control.ToggleSwitch.class).isSelected()));
    assertTrue(java.nio.file.Files.readString(data.resolve("console.properties")).contains("lan.allowed=false"));
  }
}

package dev.beacon.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.shell.ConsoleOptions;
import dev.beacon.desktop.signin.OwnerCredentials;
import dev.beacon.desktop.support.LiveServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.event.Event;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The main window: what it remembers across runs, the theme switch, signing out and in, a remote server, the Server screen's link to the API docs. */
class ConsoleWindowTest {
  private final FxRobot robot = new FxRobot();
  private Path data;
  private Stage stage;
  private BeaconApp app;

  @BeforeEach
  void setUp() throws Exception {
    data = TempDirs.create("beacon-window-");
    stage = FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      if (app != null) {
        FxToolkit.cleanupApplication(app);
      }
      FxToolkit.cleanupStages();
    } finally {
      TempDirs.delete(data);
    }
  }

  private BeaconApp start(ConsoleOptions options, CountDownLatch exited) throws Exception {
    app = (BeaconApp) FxToolkit.setupApplication(() -> new BeaconApp(options, exited::countDown));
    return app;
  }

  private void close(CountDownLatch exited) throws Exception {
    Fx.run(() -> Event.fireEvent(stage, new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    assertTrue(exited.await(60, TimeUnit.SECONDS));
    FxToolkit.cleanupApplication(app);
    app = null;
  }

  @Test
  void remembersSizeLastScreenAndThemeAcrossRuns() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    BeaconApp a = start(new ConsoleOptions(data, 0, true), first);
    Fx.waitUntil(90, () -> a.context().client() != null);
    assertEquals("overview", Fx.call(() -> a.window().current().id()), "the first run starts on the overview");
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT2); // Ctrl+2: the second screen
    assertEquals("apps", Fx.call(() -> a.window().current().id()));
    robot.clickOn("#themeSwitch");
    assertTrue(Fx.call(Application::getUserAgentStylesheet).contains("primer-dark"), Fx.call(Application::getUserAgentStylesheet));
    Fx.run(() -> {
      stage.setWidth(930);
      stage.setHeight(640);
    });
    close(first);

    Fx.run(() -> {
      stage.setWidth(500);
      stage.setHeight(400);
    });
    CountDownLatch second = new CountDownLatch(1);
    BeaconApp b = start(new ConsoleOptions(data, 0, true), second);
    assertEquals(930, Fx.call(stage::getWidth), 0.5);
    assertEquals(640, Fx.call(stage::getHeight), 0.5);
    assertEquals("apps", Fx.call(() -> b.window().current().id()));
    assertTrue(Fx.call(Application::getUserAgentStylesheet).contains("primer-dark"));
    Fx.waitUntil(90, () -> b.context().client() != null); // as in the first run: the window settled before the click
    robot.clickOn("#themeSwitch");
    Fx.waitUntil(10, () -> Application.getUserAgentStylesheet().contains("primer-light"));
    close(second);
  }

  @Test
  void signsOutAndBackInWithTheForm() throws Exception {
    CountDownLatch exited = new CountDownLatch(1);
    BeaconApp a = start(new ConsoleOptions(data, 0, true), exited);
    Fx.waitUntil(90, () -> a.context().client() != null);
    assertFalse(Fx.call(() -> robot.lookup("#signIn").query().isVisible()), "signed in as the owner without a form");

    robot.clickOn("#signOut");
    Fx.waitUntil(10, () -> robot.lookup("#signIn").query().isVisible());
    assertEquals(null, Fx.call(() -> a.context().client()));

    OwnerCredentials owner = OwnerCredentials.read(data).orElseThrow();
    robot.clickOn("#signInAccount").write(owner.account());
    robot.clickOn("#signInPassword").write("not-the-password").type(KeyCode.ENTER);
    Fx.waitUntil(20, () -> !robot.lookup("#signInProblem").queryAs(Label.class).getText().isEmpty());
    assertEquals(null, Fx.call(() -> a.context().client()));

    Fx.run(() -> robot.lookup("#signInPassword").queryAs(javafx.scene.control.PasswordField.class).clear());
    robot.clickOn("#signInPassword").write(owner.password()).type(KeyCode.ENTER); // Enter submits
    Fx.waitUntil(20, () -> a.context().client() != null);
    assertTrue(Fx.call(() -> a.context().admin()));
    close(exited);
  }

  @Test
  void aRemoteServerAsksForTheAccountAndStartsNoServerHere() throws Exception {
    try (LiveServer remote = LiveServer.start()) {
      CountDownLatch exited = new CountDownLatch(1);
      BeaconApp a = start(new ConsoleOptions(data, 0, true, remote.url()), exited);
      Fx.waitUntil(30, () -> robot.lookup("#signIn").query().isVisible());
      assertEquals(remote.url().toString(), Fx.call(() -> robot.lookup("#signInServer").queryAs(Label.class).getText()));
      robot.clickOn("#signInAccount").write(LiveServer.ADMIN);
      robot.clickOn("#signInPassword").write(LiveServer.ADMIN_PASSWORD).type(KeyCode.ENTER);
      Fx.waitUntil(20, () -> a.context().client() != null);
      assertEquals(remote.port(), Fx.call(() -> a.context().client().base().getPort()));
      Fx.run(() -> a.window().select("server"));
      Fx.waitUntil(20, () -> robot.lookup("#lanSwitch").tryQuery().isPresent()); // the screen is built when first shown
      assertFalse(Fx.call(() -> robot.lookup("#lanSwitch").query().getParent().isVisible()), "nothing local for a remote server");
      assertFalse(java.nio.file.Files.exists(data.resolve("db")), "no database here");
      close(exited);
      assertTrue(remote.anonymous().health().up(), "closing the console leaves the remote server running");
    }
  }

  @Test
  void serverSettingsAreSavedAndAppliedByARestart() throws Exception {
    CountDownLatch exited = new CountDownLatch(1);
    BeaconApp a = start(new ConsoleOptions(data, 0, true), exited);
    Fx.waitUntil(90, () -> a.context().client() != null);
    Fx.run(() -> a.window().select("server"));
    Fx.waitUntil(20, () -> robot.lookup("#dbSize").queryAs(Label.class).getText().endsWith("B"));
    io.vertx.core.json.JsonObject newcomer = new io.vertx.core.json.JsonObject().put("type", "email")
        .put("account", "newcomer@example.com").put("password", "a-long-password");
    java.net.URI before = Fx.call(() -> a.context().client().base());
    org.junit.jupiter.api.Assertions.assertThrows(dev.beacon.desktop.client.ApiError.class,
        () -> new dev.beacon.desktop.client.BeaconClient(before).post("v1/auth/register", newcomer), "self-registration is off");

    robot.clickOn(robot.lookup("#settingsSelfRegistration").lookup(".thumb-area").<javafx.scene.Node>query(),
        javafx.scene.input.MouseButton.PRIMARY);
    Fx.run(() -> robot.lookup("#restartServer").queryButton().fire()); // below the fold of the scrolling page
    Fx.waitUntil(90, () -> !robot.lookup("#settingsSaved").queryAs(Label.class).getText().isEmpty()
        && robot.lookup("#status").queryAs(Label.class).getText().equals("Running") && a.context().client() != null);
    java.net.URI after = Fx.call(() -> a.context().client().base());
    assertEquals("newcomer@example.com",
        new dev.beacon.desktop.client.BeaconClient(after).post("v1/auth/register", newcomer).getString("account"));
    assertTrue(java.nio.file.Files.readString(data.resolve("console.properties")).contains("server.selfRegistration=true"));
    close(exited);
  }

  @Test
  void theServerScreenLinksToTheApiDocsAndOpensThemInTheBrowser() throws Exception {
    CountDownLatch exited = new CountDownLatch(1);
    BeaconApp a = start(new ConsoleOptions(data, 0, true), exited);
    Fx.waitUntil(90, () -> a.context().client() != null);
    List<String> opened = new CopyOnWriteArrayList<>();
    Fx.run(() -> {
      a.context().setBrowser(opened::add);
      a.window().select("server");
    });
    String base = Fx.call(() -> a.context().client().base().toString()).replaceAll("/$", "");
    Fx.waitUntil(20, () -> !robot.lookup("#apiDocsLink").queryAs(Hyperlink.class).getText().isEmpty());
    Hyperlink link = robot.lookup("#apiDocsLink").queryAs(Hyperlink.class);
    assertEquals(base + "/docs", Fx.call(link::getText));
    assertTrue(Fx.call(link::isVisible));

    Fx.run(link::fire);
    assertEquals(List.of(base + "/docs"), opened, "the link opens the docs in the system browser");
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/docs")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("swagger-ui"), page.body());

    close(exited);
  }
}

package dev.beacon.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.shell.ConsoleOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.control.Hyperlink;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The Server screen links to the server's API docs (Swagger UI at /docs) and opens them in the browser. */
class ApiDocsLinkTest {
  private final FxRobot robot = new FxRobot();
  private Path data;
  private Stage stage;
  private BeaconApp app;

  @BeforeEach
  void setUp() throws Exception {
    data = TempDirs.create("beacon-docs-link-");
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

  @Test
  void theServerScreenLinksToTheApiDocsAndOpensThemInTheBrowser() throws Exception {
    CountDownLatch exited = new CountDownLatch(1);
    app = (BeaconApp) FxToolkit.setupApplication(() -> new BeaconApp(new ConsoleOptions(data, 0, true), exited::countDown));
    BeaconApp a = app;
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

    Fx.run(() -> Event.fireEvent(stage, new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    assertTrue(exited.await(60, TimeUnit.SECONDS));
  }
}

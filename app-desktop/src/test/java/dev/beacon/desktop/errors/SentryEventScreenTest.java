package dev.beacon.desktop.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.ErrorEvent;
import dev.beacon.desktop.client.Issue;
import dev.beacon.desktop.support.LiveServerTest;
import dev.beacon.desktop.support.Stages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A Sentry event in the Errors screen: its environment, SDK, tags, contexts, breadcrumbs and attachment; the environment filter. */
class SentryEventScreenTest extends LiveServerTest {

  @Test
  void anEventsSentryFieldsAndAttachmentAreShown() throws Exception {
    BeaconClient admin = server.admin();
    JsonObject app = admin.post("v1/user/" + admin.openId() + "/app", new JsonObject().put("name", "Sentry app").put("platform", 3))
        .getJsonObject("app");
    URI dsn = URI.create(app.getString("dsn"));
    JsonObject event = new JsonObject()
        .put("event_id", "0123456789abcdef0123456789abcdef").put("platform", "java").put("level", "fatal")
        .put("release", "desk@4.0.1").put("environment", "beta")
        .put("sdk", new JsonObject().put("name", "sentry.java").put("version", "8.64.0"))
        .put("tags", new JsonObject().put("shard", "eu-3"))
        .put("contexts", new JsonObject().put("os", new JsonObject().put("name", "Linux").put("version", "6.8")))
        .put("breadcrumbs", new JsonArray().add(new JsonObject().put("category", "ui").put("message", "clicked export")))
        .put("exception", new JsonObject().put("values", new JsonArray().add(new JsonObject().put("type", "IOException")
            .put("module", "java.io").put("value", "disk full").put("stacktrace", new JsonObject().put("frames", new JsonArray()
                .add(new JsonObject().put("module", "com.acme.Export").put("function", "write").put("lineno", 12)))))));
    byte[] log = "export started\nexport failed\n".getBytes(StandardCharsets.UTF_8);
    String envelope = "{}\n{\"type\":\"event\"}\n" + event.encode() + "\n"
        + new JsonObject().put("type", "attachment").put("filename", "export.log").put("length", log.length).encode() + "\n"
        + new String(log, StandardCharsets.UTF_8) + "\n";
    HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        server.url().resolve("api" + dsn.getPath() + "/envelope/?sentry_key=" + dsn.getUserInfo()))
        .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, sent.statusCode(), sent.body());

    ErrorsScreen screen = new ErrorsScreen(server.context());
    Stages.show(Fx.call(screen::view));
    Fx.run(screen::shown);
    FxRobot robot = new FxRobot();
    TableView<Issue> table = robot.lookup("#errors-issues").queryTableView();
    Fx.waitUntil(20, () -> !screen.model().busy.get() && table.getItems().size() == 1);
    Stages.clickRow(robot, "errors-issues", 0);
    TextArea details = robot.lookup("#issue-event-details").query();
    Stages.await("the event's details", () -> details.getText().contains("Environment: beta"), details::getText);
    String text = Fx.call(details::getText);
    for (String part : new String[] {"SDK: sentry.java 8.64.0", "Level: fatal", "Release: desk@4.0.1", "shard = eu-3", "clicked export", "Linux"}) {
      assertTrue(text.contains(part), part + " in\n" + text);
    }
    ListView<ErrorEvent.Attachment> files = robot.lookup("#issue-attachments").queryListView();
    assertEquals(1, Fx.call(() -> files.getItems().size()).intValue());
    assertTrue(Fx.call(() -> files.getItems().get(0).label()).startsWith("export.log"));

    // the environment filter: the issue is in beta, not in production
    Fx.run(() -> screen.model().environment.set("production"));
    Fx.run(screen.model()::refresh);
    Stages.await("no issue in production", () -> !screen.model().busy.get() && table.getItems().isEmpty(), () -> "");
    Fx.run(() -> screen.model().environment.set("beta"));
    Fx.run(screen.model()::refresh);
    Stages.await("the issue in beta", () -> !screen.model().busy.get() && table.getItems().size() == 1, () -> "");

    Path target = Files.createTempDirectory("beacon-attachment-").resolve("export.log");
    Fx.run(() -> screen.model().download(files.getItems().get(0), target));
    Stages.await("the download", () -> Files.exists(target) && Files.size(target) == log.length, () -> target.toString());
    assertEquals(new String(log, StandardCharsets.UTF_8), Files.readString(target));
  }
}

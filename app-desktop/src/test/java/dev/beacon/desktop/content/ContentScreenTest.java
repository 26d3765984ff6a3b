package dev.beacon.desktop.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.Json;
import dev.beacon.desktop.support.LiveServerTest;
import dev.beacon.desktop.support.Stages;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Content screen against a real server: SDKs and resources through the form, deletes, poster preview, Q&A. */
class ContentScreenTest extends LiveServerTest {

  private static List<JsonObject> list(BeaconClient c, String path, String key) throws Exception {
    return Json.objects(c.get(path, Map.of("pageSize", 100)), key);
  }

  private static String state(CrudTab<?> tab) {
    CrudModel<?> m = tab.model();
    return "busy=" + m.busy.get() + " problem=" + m.problem.get() + " rows=" + m.items.size();
  }

  private static JsonObject named(List<JsonObject> rows, String name) {
    return rows.stream().filter(r -> name.equals(r.getString("name"))).findFirst().orElse(null);
  }

  private static <T> T named(CrudTab<T> tab, java.util.function.Function<T, String> nameOf, String name) {
    return tab.model().items.stream().filter(r -> name.equals(nameOf.apply(r))).findFirst().orElse(null);
  }

  @Test
  void lightModulesAreAddedThroughTheFormsAndAUsedCategoryIsNotDeleted() throws Exception {
    BeaconClient admin = server.admin();
    admin.post("v1/admin/doc", new JsonObject().put("name", "Module guide").put("type", 2).put("content", "# Modules"));
    admin.post("v1/admin/sdk", new JsonObject().put("name", "Light kit").put("provider", "Acme").put("authority", "1")
        .put("platform", "3").put("type", "1"));
    ContentScreen screen = new ContentScreen(server.context());
    Stages.show(Fx.call(screen::view));
    Fx.run(screen::shown);
    FxRobot robot = new FxRobot();
    ContentView view = Fx.call(screen::adminView);
    robot.clickOn("Light modules");
    Stages.await("the choices", () -> !screen.model().docs.isEmpty() && named(view.sdks, dev.beacon.desktop.client.Sdk::name, "Light kit") != null,
        () -> state(view.sdks));

    robot.clickOn("#category-name").write("Charts");
    Stages.choose(robot, "category-docId", "Module guide");
    robot.clickOn("#category-save");
    Stages.await("the category", () -> named(view.categories, dev.beacon.desktop.client.LightModuleCategory::name, "Charts") != null, () -> state(view.categories));

    robot.clickOn("#module-name").write("Line chart");
    Stages.choose(robot, "module-moduleCategoryId", "Charts");
    Stages.choose(robot, "module-sdkId", "Light kit");
    robot.clickOn("#module-picUrl").write("http://pics.example/line.png");
    Stages.choose(robot, "module-docId", "Module guide");
    robot.clickOn("#module-save");
    Stages.await("the module", () -> named(view.modules, dev.beacon.desktop.client.LightModule::name, "Line chart") != null, () -> state(view.modules));
    JsonObject module = named(list(server.anonymous(), "v1/sdk/lightmodule/list", "dataList"), "Line chart");
    assertEquals("Charts", module.getString("moduleCategoryName"));
    assertEquals("Light kit", module.getString("sdkName"));

    Stages.clickRow(robot, "category-table", 0);
    robot.clickOn("#category-delete");
    robot.clickOn("#confirm-ok");
    Stages.await("the refusal", () -> !view.categories.model().problem.get().isEmpty(), () -> state(view.categories));
    Label problem = robot.lookup("#category-problem").query();
    assertTrue(Fx.call(() -> problem.isVisible() && problem.getText().contains("Line chart")),
        () -> "the server's reason is shown in place: " + problem.getText());
    assertEquals(1, list(admin, "v1/admin/sdk/lightmodule/category", "moduleCategoryList").size(), "the category stays");
  }

  @Test
  void adminsManageSdksResourcesPostersAndAnswers() throws Exception {
    BeaconClient admin = server.admin();
    admin.post("v1/poster", new JsonObject().put("url", "http://127.0.0.1:1/broken.png").put("name", "Broken"));
    long question = admin.post("v1/user/" + admin.openId() + "/questions",
        new JsonObject().put("questionContext", "How do I ship an update?")).getLong("questionId");

    ContentScreen screen = new ContentScreen(server.context());
    Stages.show(Fx.call(screen::view));
    Fx.run(screen::shown);
    FxRobot robot = new FxRobot();
    ContentView view = Fx.call(screen::adminView);

    // an SDK through the form
    robot.clickOn("#sdk-name").write("Beacon SDK");
    robot.clickOn("#sdk-provider").write("Acme");
    Stages.choose(robot, "sdk-type", "native SDK");
    Stages.choose(robot, "sdk-authority", "everyone");
    Stages.choose(robot, "sdk-platform", "all platforms");
    robot.clickOn("#sdk-save");
    Stages.await("the new SDK", () -> named(view.sdks, dev.beacon.desktop.client.Sdk::name, "Beacon SDK") != null && !view.sdks.model().busy.get(),
        () -> state(view.sdks));
    JsonObject sdk = named(list(admin, "v1/admin/sdk", "sdkList"), "Beacon SDK");
    assertEquals("Beacon SDK", sdk.getString("name"));
    assertEquals("2", sdk.getString("type"));
    assertEquals("Acme", sdk.getString("provider"));

    // a resource of that SDK
    Stages.clickRow(robot, "sdk-table", Fx.call(() -> view.sdks.model().items.indexOf(named(view.sdks, dev.beacon.desktop.client.Sdk::name, "Beacon SDK"))));
    robot.clickOn("#resource-name").write("Windows package");
    Stages.choose(robot, "resource-type", "SDK package");
    robot.clickOn("#resource-url").write("http://downloads.example/beacon.zip");
    robot.clickOn("#resource-save");
    Stages.await("the new resource", () -> view.resources.model().items.size() == 1 && !view.resources.model().busy.get(),
        () -> state(view.resources));
    List<JsonObject> res = list(admin, "v1/admin/resource", "resourceList");
    assertEquals(1, res.size());
    assertEquals(sdk.getString("sdkId"), res.get(0).getString("sdkId"), "a new resource belongs to the selected SDK");
    assertEquals("http://downloads.example/beacon.zip", res.get(0).getString("url"));

    // delete asks first; cancelling keeps it
    Stages.clickRow(robot, "resource-table", 0);
    robot.clickOn("#resource-delete");
    robot.clickOn("#confirm-cancel");
    assertEquals(1, list(admin, "v1/admin/resource", "resourceList").size(), "cancel keeps the resource");
    robot.clickOn("#resource-delete");
    robot.clickOn("#confirm-ok");
    Stages.await("the resource deleted", () -> view.resources.model().items.isEmpty() && !view.resources.model().busy.get(),
        () -> state(view.resources));
    assertEquals(List.of(), list(admin, "v1/admin/resource", "resourceList"));
    Stages.clickRow(robot, "sdk-table", Fx.call(() -> view.sdks.model().items.indexOf(named(view.sdks, dev.beacon.desktop.client.Sdk::name, "Beacon SDK"))));
    robot.clickOn("#sdk-delete");
    robot.clickOn("#confirm-ok");
    Stages.await("the SDK deleted", () -> named(view.sdks, dev.beacon.desktop.client.Sdk::name, "Beacon SDK") == null && !view.sdks.model().busy.get(),
        () -> state(view.sdks));
    assertEquals(null, named(list(admin, "v1/admin/sdk", "sdkList"), "Beacon SDK"));

    // a poster whose image cannot be loaded shows a placeholder
    robot.clickOn("Posters");
    Stages.await("the posters", () -> view.posters.model().items.size() == 1, () -> state(view.posters));
    Stages.clickRow(robot, "poster-table", 0);
    Stages.await("the placeholder", () -> "failed".equals(view.preview.stateProperty().get()),
        () -> view.preview.stateProperty().get());
    Label placeholder = robot.lookup("#poster-placeholder").query();
    assertTrue(Fx.call(() -> placeholder.isVisible() && placeholder.getText().contains("Preview unavailable")));

    // an answer as admin
    robot.clickOn("Q&A");
    QaModel qa = screen.model().qa;
    Stages.await("the questions", () -> qa.questions.size() == 1, () -> "problem=" + qa.problem.get());
    Stages.clickRow(robot, "qa-table", 0);
    Stages.await("the question", () -> qa.question.get() != null, () -> "problem=" + qa.problem.get());
    robot.clickOn("#qa-answer-text").write("Publish a version and switch its release toggle on.");
    robot.clickOn("#qa-answer-post");
    Stages.await("the answer", () -> qa.answers.size() == 1 && !qa.busy.get(), () -> "problem=" + qa.problem.get());
    JsonObject q = server.anonymous().get("v1/questions/" + question, Map.of()).getJsonObject("question");
    assertEquals("Publish a version and switch its release toggle on.", q.getJsonArray("answers").getJsonObject(0).getString("content"));
  }
}

package dev.beacon.desktop.releases;

import static dev.beacon.desktop.support.Models.call;
import static dev.beacon.desktop.support.Models.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.client.ReleasesApi;
import dev.beacon.desktop.client.Version;
import dev.beacon.desktop.support.Models;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Releases screen's model against a real server, without a window: each test on an app of its own. */
class ReleasesModelTest {
  static final String MD5 = "9e107d9d372bb6826bd81d3542a419d6";
  static ConsoleContext ctx;

  @BeforeAll
  static void signIn() throws Exception {
    ctx = Models.developer();
  }

  /** A new app, made the current one, and a model loaded for it. */
  private static ReleasesModel modelOfNewApp(String name) throws Exception {
    Models.currentApp(ctx, name);
    ReleasesModel model = call(() -> new ReleasesModel(ctx));
    run(model::load);
    return model;
  }

  private static void create(ReleasesModel model, String name, String code, String url) throws Exception {
    StringProperty problem = new SimpleStringProperty("");
    AtomicBoolean done = new AtomicBoolean();
    run(() -> model.save(null, ReleasesModel.input(name, code, url, MD5, "notes", "", "", false, model.forApp()),
        new SimpleBooleanProperty(), problem, () -> done.set(true)));
    assertEquals("", problem.get());
    assertTrue(done.get(), "the dialog closes");
  }

  /** The version a client of the current app is offered now, or null. */
  private static String offered() throws Exception {
    AppRef app = ctx.currentAppProperty().get();
    try {
      return Models.server().anonymous().post("v1/app/upgrade", new JsonObject().put("appId", app.appId())
          .put("appKey", app.appKey())).getJsonObject("version").getString("versionName");
    } catch (dev.beacon.desktop.client.ApiError e) {
      assertEquals(4004, e.code(), e.getMessage());
      return null;
    }
  }

  @Test
  void createsVersionsNewestFirstAndTheSwitchDecidesWhatClientsAreOffered() throws Exception {
    ReleasesModel model = modelOfNewApp("Editor");
    assertEquals(List.of(ModuleRef.APP), model.modules());
    assertEquals(List.of(), model.versions());
    assertTrue(model.forApp());

    create(model, "1.0.0", "100", "https://downloads.example.com/editor-1.0.0.zip");
    create(model, "1.1.0", "110", "https://downloads.example.com/editor-1.1.0.zip");
    assertEquals(List.of("1.1.0", "1.0.0"), model.versions().stream().map(Version::name).toList(), "newest code first");
    assertFalse(model.versions().get(1).released());
    assertEquals(null, offered(), "nothing released yet");

    AtomicBoolean reverted = new AtomicBoolean();
    run(() -> model.setReleased(model.versions().get(1), true, () -> reverted.set(true)));
    assertTrue(model.versions().get(1).released(), "the row shows the server's state");
    assertFalse(reverted.get());
    assertEquals("1.0.0", offered());

    run(() -> model.setReleased(model.versions().get(1), false, () -> reverted.set(true)));
    assertEquals(null, offered(), "disabled: nothing offered");

    run(() -> model.delete(model.versions().get(0)));
    assertEquals(List.of("1.0.0"), model.versions().stream().map(Version::name).toList());
  }

  @Test
  void aRefusedReleaseTurnsTheSwitchBackAndSaysWhy() throws Exception {
    ReleasesModel model = modelOfNewApp("No package");
    create(model, "2.0.0", "200", "https://downloads.example.com/x.zip");
    Version v = model.versions().get(0);
    AppRef app = ctx.currentAppProperty().get();
    ctx.client().put(ctx.client().userPath("app/" + app.appId() + "/version/" + v.versionId()), new JsonObject().put("url", ""));
    run(model::loadVersions);

    AtomicBoolean reverted = new AtomicBoolean();
    run(() -> model.setReleased(model.versions().get(0), true, () -> reverted.set(true)));
    assertTrue(reverted.get(), "the switch goes back");
    assertFalse(model.problemProperty().get().isEmpty(), "the reason shows in place");
    assertFalse(model.versions().get(0).released());
    assertFalse(model.busyProperty().get());
    assertEquals(null, offered());
  }

  @Test
  void aModuleHasVersionsOfItsOwnAndStaysChosenOnReload() throws Exception {
    ReleasesModel model = modelOfNewApp("With modules");
    AppRef app = ctx.currentAppProperty().get();
    ctx.client().post(ctx.client().userPath("app/" + app.appId() + "/module"), new JsonObject().put("name", "spell-checker"));
    create(model, "1.0.0", "100", "https://downloads.example.com/app.zip");
    run(model::load);
    assertEquals(List.of("The app itself", "Module: spell-checker"), model.modules().stream().map(ModuleRef::toString).toList());

    run(() -> model.moduleProperty().set(model.modules().get(1)));
    assertFalse(model.forApp(), "modules have no force update or platforms");
    assertEquals(List.of(), model.versions(), "the module's own versions");
    create(model, "0.1.0", "1", "https://downloads.example.com/spell.zip");
    assertEquals(List.of("0.1.0"), model.versions().stream().map(Version::name).toList());
    String moduleId = model.moduleProperty().get().moduleId();
    assertEquals(List.of("0.1.0"), new ReleasesApi(ctx.client()).versions(app.appId(), moduleId).stream().map(Version::name).toList());

    run(model::load);
    assertEquals(moduleId, model.moduleProperty().get().moduleId(), "a reload keeps the module");
    run(() -> model.moduleProperty().set(ModuleRef.APP));
    assertEquals(List.of("1.0.0"), model.versions().stream().map(Version::name).toList());
  }

  @Test
  void withoutAnAppThereIsNothingToShow() throws Exception {
    ReleasesModel model = modelOfNewApp("Soon gone");
    create(model, "1.0.0", "100", "https://downloads.example.com/a.zip");
    run(() -> ctx.setCurrentApp(null));
    run(model::load);
    assertEquals(List.of(), model.versions());
    assertEquals(List.of(ModuleRef.APP), model.modules());
  }
}

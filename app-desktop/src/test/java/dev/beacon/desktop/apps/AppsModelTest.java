package dev.beacon.desktop.apps;

import static dev.beacon.desktop.support.Models.call;
import static dev.beacon.desktop.support.Models.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.client.App;
import dev.beacon.desktop.client.AppDraft;
import dev.beacon.desktop.client.AppsApi;
import dev.beacon.desktop.support.Models;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.ConsoleContext;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Apps screen's model against a real server, without a window. Each test names its apps apart: the developer is shared. */
class AppsModelTest {
  static ConsoleContext ctx;

  @BeforeAll
  static void signIn() throws Exception {
    ctx = Models.developer();
  }

  private final StringProperty dialogProblem = new SimpleStringProperty("");
  private final List<String> saved = new ArrayList<>();

  private void save(AppsModel model, String appId, AppDraft draft) throws Exception {
    run(() -> model.save(appId, draft, new SimpleBooleanProperty(), dialogProblem, saved::add));
  }

  @Test
  void listsTheAppsByNameAndSelectsTheOneJustCreated() throws Exception {
    ConsoleContext ctx = Models.developer();
    AppsModel model = call(() -> new AppsModel(ctx));
    run(model::load);
    assertEquals(List.of(), model.apps(), "a new developer has no apps");
    assertNull(model.selectedProperty().get());
    assertEquals("", call(() -> model.snippet("curl").get()), "no app: no snippet");
    assertEquals("", call(() -> model.titleBinding().get()));

    save(model, null, AppDraft.of(" Zeta ", 1, "", ""));
    save(model, null, AppDraft.of("Alpha", 2, "", ""));
    assertEquals("", dialogProblem.get());
    assertEquals(2, saved.size());
    assertEquals(List.of("Alpha", "Zeta"), model.apps().stream().map(App::name).toList(), "by name, trimmed");
    assertEquals("Alpha", model.selectedProperty().get().name(), "the new app is selected");
    assertEquals(saved.get(1), model.selectedProperty().get().appId(), "done got the new app's id");
    assertEquals("iOS", model.selectedProperty().get().platformName());

    App alpha = new AppsApi(ctx.client()).get(saved.get(1));
    assertEquals(alpha.appKey(), call(() -> model.keyBinding().get()));
    assertEquals("Alpha", call(() -> model.titleBinding().get()));
    String curl = call(() -> model.snippet("curl").get());
    assertTrue(curl.contains("KEY=" + alpha.appKey()), curl);
    assertTrue(curl.contains("BEACON=" + ctx.publicUrlProperty().get().replaceAll("/$", "")), curl);
    assertTrue(call(() -> model.reachedAtBinding().get()).contains("(this computer only"), "a loopback address says so");

    run(() -> model.selectedProperty().set(model.apps().get(1)));
    run(model::load);
    assertEquals("Zeta", model.selectedProperty().get().name(), "a reload keeps the selection");
  }

  @Test
  void theServersRefusalShowsInTheDialogAndAnEditCannotBlankTheDescription() throws Exception {
    AppsModel model = call(() -> new AppsModel(ctx));
    save(model, null, AppDraft.of("  ", 3, "", ""));
    assertTrue(dialogProblem.get().contains("name"), dialogProblem.get());
    assertEquals(List.of(), saved, "the dialog stays open");
    assertTrue(new AppsApi(ctx.client()).all().stream().noneMatch(a -> a.name().isBlank()), "nothing created");

    save(model, null, AppDraft.of("Notes", 3, "Takes notes", "https://example.com/n.png"));
    assertEquals("", dialogProblem.get(), "a success clears the problem");
    String id = saved.get(0);
    save(model, id, AppDraft.of("Notes Pro", 1, " ", ""));
    App stored = new AppsApi(ctx.client()).get(id);
    assertEquals("Notes Pro", stored.name());
    assertEquals("Takes notes", stored.desc(), "a blank description keeps the old one");
    assertEquals("https://example.com/n.png", stored.icon());
    assertEquals(3, stored.platform(), "the platform cannot be edited");
    assertEquals("Notes Pro", model.selectedProperty().get().name());
  }

  @Test
  void deletingTheCurrentAppClearsItEverywhere() throws Exception {
    AppsModel model = call(() -> new AppsModel(ctx));
    save(model, null, AppDraft.of("Doomed", 3, "", ""));
    App doomed = model.selectedProperty().get();
    run(() -> ctx.setCurrentApp(AppRef.of(doomed)));

    run(() -> model.delete(doomed));
    assertNull(ctx.currentAppProperty().get(), "the deleted app is no longer the current one");
    assertTrue(model.apps().stream().noneMatch(a -> a.appId().equals(doomed.appId())));
    assertTrue(model.selectedProperty().get() == null || !model.selectedProperty().get().equals(doomed));
    assertTrue(Models.fails(4004, () -> new AppsApi(ctx.client()).get(doomed.appId())), "the server forgot it");
  }

  @Test
  void anAdministratorFreezesAndUnfreezesTheSelectedApp() throws Exception {
    ConsoleContext admin = Models.administrator();
    AppsModel model = call(() -> new AppsModel(admin));
    assertTrue(model.admin());
    save(model, null, AppDraft.of("Icebox", 3, "", ""));
    run(model::toggleFreeze);
    assertTrue(call(() -> model.frozenBinding().get()));
    assertEquals("Icebox  (frozen)", call(() -> model.titleBinding().get()));
    assertTrue(new AppsApi(admin.client()).get(saved.get(0)).frozen(), "the server agrees");
    run(model::toggleFreeze);
    assertFalse(call(() -> model.frozenBinding().get()));
    assertFalse(new AppsApi(admin.client()).get(saved.get(0)).frozen());

    AppsModel theirs = call(() -> new AppsModel(AppsModelTest.ctx));
    assertFalse(theirs.admin());
    run(() -> theirs.freeze(model.apps().get(0), true));
    assertFalse(theirs.problemProperty().get().isEmpty(), "a developer may not freeze: the reason shows");
  }
}

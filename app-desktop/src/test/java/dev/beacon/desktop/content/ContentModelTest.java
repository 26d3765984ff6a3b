package dev.beacon.desktop.content;

import static dev.beacon.desktop.support.Models.call;
import static dev.beacon.desktop.support.Models.run;
import static dev.beacon.desktop.support.Models.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.ContentApi;
import dev.beacon.desktop.client.Doc;
import dev.beacon.desktop.client.LightModuleCategory;
import dev.beacon.desktop.client.Poster;
import dev.beacon.desktop.client.Sdk;
import dev.beacon.desktop.client.SdkResource;
import dev.beacon.desktop.support.Models;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Content screen's models against the real server, without a stage: the CRUD form, the SDK's resources, refusals. */
class ContentModelTest {

  private static <T> T named(List<T> rows, java.util.function.Function<T, String> nameOf, String name) {
    return rows.stream().filter(r -> name.equals(nameOf.apply(r))).findFirst().orElse(null);
  }

  private static ContentModel model() throws Exception {
    var ctx = Models.administrator();
    return call(() -> new ContentModel(ctx));
  }

  @Test
  void anSdkIsCreatedEditedAndDeletedThroughTheForm() throws Exception {
    ContentModel content = model();
    CrudModel<Sdk> sdks = content.sdks;
    String name = unique("Kit");
    assertEquals("New SDK", call(() -> sdks.formTitle().get()));
    assertFalse(call(() -> sdks.canDelete().get()));

    run(() -> {
      sdks.value("name").set("  " + name + "  ");
      sdks.value("provider").set("Acme");
      sdks.value("type").set("2");
      sdks.value("authority").set("1");
      sdks.value("platform").set("3");
      sdks.value("desc").set("  kept as typed\n");
    });
    assertEquals(Map.of("name", name, "provider", "Acme", "type", "2", "authority", "1", "platform", "3",
        "desc", "  kept as typed\n"),
        call(sdks::body), "blank fields are left out, text trimmed but for text areas");
    run(sdks::save);
    assertEquals("", sdks.problem.get());
    assertFalse(sdks.busy.get());
    Sdk created = named(sdks.items, Sdk::name, name);
    assertNotNull(created, "the list is reloaded after the create");
    assertEquals("native SDK", created.typeText());
    assertEquals("everyone", created.audienceText());
    assertEquals("", sdks.value("name").get(), "the form is empty again for the next one");

    run(() -> sdks.selected.set(created));
    assertEquals("Edit SDK " + name, call(() -> sdks.formTitle().get()));
    assertEquals("Acme", sdks.value("provider").get(), "selecting a row fills the form");
    assertEquals("2", sdks.value("type").get());
    assertTrue(call(() -> sdks.canDelete().get()));
    run(() -> sdks.value("provider").set("Globex"));
    run(sdks::save);
    BeaconClient admin = Models.server().admin();
    assertEquals("Globex", named(ContentApi.SDKS.list(admin, Map.of()), Sdk::name, name).provider());
    assertEquals("Globex", sdks.selected.get().provider(), "the edited row stays selected, as the server has it now");

    assertEquals("Delete the SDK '" + name + "'?", call(sdks::confirmDelete).header());
    run(sdks::delete);
    assertNull(named(ContentApi.SDKS.list(admin, Map.of()), Sdk::name, name));
    assertNull(named(sdks.items, Sdk::name, name));
    assertNull(sdks.selected.get());
    assertEquals("New SDK", call(() -> sdks.formTitle().get()));
  }

  @Test
  void resourcesFollowTheSelectedSdkAndNewOnesBelongToIt() throws Exception {
    BeaconClient admin = Models.server().admin();
    String kit = unique("Resource kit");
    ContentApi.SDKS.create(admin, Map.of("name", kit, "provider", "Acme", "authority", 1, "platform", 3, "type", 2));
    ContentModel content = model();
    run(() -> content.reload(ContentModel.Tab.SDKS));
    assertEquals("Resources of every SDK", call(content.resourcesOf::get));
    Sdk sdk = named(content.sdks.items, Sdk::name, kit);

    run(() -> content.sdks.selected.set(sdk));
    assertEquals("Resources of " + kit, call(content.resourcesOf::get));
    assertEquals(List.of(), content.resources.items, "the new SDK has no resources");
    CrudModel<SdkResource> resources = content.resources;
    run(() -> {
      resources.value("name").set("Windows package");
      resources.value("type").set("3");
      resources.value("url").set("http://downloads.example/kit.zip");
      resources.save();
    });
    assertEquals("", resources.problem.get());
    assertEquals(1, resources.items.size());
    SdkResource r = resources.items.get(0);
    assertEquals(sdk.sdkId(), r.sdkId(), "a new resource belongs to the selected SDK");
    assertEquals("SDK package", r.typeText());

    run(() -> content.sdks.selected.set(null));
    assertTrue(resources.items.size() >= 1, "every SDK's resources");
    assertEquals(List.of(r), ContentApi.RESOURCES.list(admin, Map.of("sdkId", sdk.sdkId())));
  }

  @Test
  void theServersRefusalsShowInPlace() throws Exception {
    BeaconClient admin = Models.server().admin();
    ContentModel content = model();
    String guide = unique("Guide");
    new dev.beacon.desktop.client.DocsApi(admin).createDoc(guide, 2, "# Modules");
    String kit = unique("Light kit");
    ContentApi.SDKS.create(admin, Map.of("name", kit, "provider", "Acme", "authority", 1, "platform", 3, "type", 1));
    run(() -> content.reload(ContentModel.Tab.MODULES));
    Doc doc = named(content.docs, Doc::name, guide);
    assertNotNull(doc, "the doc choices are loaded");

    String charts = unique("Charts");
    run(() -> {
      content.categories.value("name").set(charts);
      content.categories.value("docId").set(doc.docId());
      content.categories.save();
    });
    LightModuleCategory category = named(content.categories.items, LightModuleCategory::name, charts);
    assertNotNull(category, content.categories.problem.get());
    assertEquals("ordinary", category.kindText());

    String line = unique("Line chart");
    run(() -> {
      content.modules.value("name").set(line);
      content.modules.value("moduleCategoryId").set(category.moduleCategoryId());
      content.modules.value("sdkId").set(named(content.sdks.items, Sdk::name, kit).sdkId());
      content.modules.value("picUrl").set("http://pics.example/line.png");
      content.modules.value("docId").set(doc.docId());
      content.modules.save();
    });
    var module = named(content.modules.items, dev.beacon.desktop.client.LightModule::name, line);
    assertNotNull(module, content.modules.problem.get());
    assertEquals(charts, module.moduleCategoryName());
    assertEquals(kit, module.sdkName());

    run(() -> content.categories.selected.set(category));
    run(content.categories::delete);
    assertTrue(content.categories.problem.get().contains(line), "the server's reason: " + content.categories.problem.get());
    assertFalse(content.categories.busy.get());
    assertNotNull(named(ContentApi.CATEGORIES.list(admin, Map.of()), LightModuleCategory::name, charts), "the category stays");

    CrudModel<Poster> posters = content.posters;
    run(() -> {
      posters.value("url").set("http://127.0.0.1:1/p.png");
      posters.value("sequence").set("first");
      posters.save();
    });
    assertTrue(posters.problem.get().contains("sequence"), "a number that is not one is the server's to name: " + posters.problem.get());
    run(() -> posters.value("sequence").set(" 3 "));
    assertEquals(3L, call(posters::body).get("sequence"), "numbers are sent as numbers");
    run(posters::save);
    assertEquals("", posters.problem.get());
    assertTrue(posters.items.stream().anyMatch(p -> p.sequence() == 3 && "http://127.0.0.1:1/p.png".equals(p.url())));
  }
}

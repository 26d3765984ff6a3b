package dev.beacon.desktop.content;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.ContentApi;
import dev.beacon.desktop.client.Doc;
import dev.beacon.desktop.client.LightModule;
import dev.beacon.desktop.client.LightModuleCategory;
import dev.beacon.desktop.client.Poster;
import dev.beacon.desktop.client.Sdk;
import dev.beacon.desktop.client.SdkResource;
import dev.beacon.desktop.content.CrudModel.Field;
import dev.beacon.desktop.content.CrudModel.Ref;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Content screen's state: one {@link CrudModel} per kind of row (SDKs with the selected SDK's
 * resources, light-module categories and modules, posters), the docs they may point at, and the
 * Q&A tab's {@link QaModel}. The field names are the server's.
 */
public final class ContentModel {
  /** The tabs, in their order on the screen. */
  public enum Tab { SDKS, MODULES, POSTERS, QA }

  private final ConsoleContext ctx;
  final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  final ObservableList<Doc> docs = FXCollections.observableArrayList();
  final CrudModel<Sdk> sdks;
  final CrudModel<SdkResource> resources;
  final CrudModel<LightModuleCategory> categories;
  final CrudModel<LightModule> modules;
  final CrudModel<Poster> posters;
  final QaModel qa;
  /** "Resources of Beacon SDK", or of every SDK while none is selected. */
  final StringBinding resourcesOf;

  public ContentModel(ConsoleContext ctx) {
    this.ctx = ctx;
    this.qa = new QaModel(ctx);
    Ref<Doc> doc = new Ref<>(docs, Doc::docId, Doc::name);
    sdks = new CrudModel<>(ctx, "SDK", ContentApi.SDKS, Sdk::name, List.of(
        Field.text("name", "Name", Sdk::name), Field.text("provider", "Provider", Sdk::provider),
        Field.choice("type", "Type", Sdk::type, "1 light app", "2 native SDK"),
        Field.choice("authority", "Who sees it", Sdk::authority, "1 everyone", "0 internal developers only"),
        Field.choice("platform", "Platform", Sdk::platform, "3 all platforms", "1 Android", "2 iOS"),
        Field.text("version", "Version", Sdk::version), Field.area("desc", "Description", Sdk::desc)));
    Ref<Sdk> sdk = new Ref<>(sdks.items, Sdk::sdkId, Sdk::name);
    resources = new CrudModel<>(ctx, "resource", ContentApi.RESOURCES, SdkResource::name, List.of(
        Field.text("name", "Name", SdkResource::name),
        Field.choice("type", "Type", SdkResource::type, "1 html page", "2 markdown doc", "3 SDK package", "4 SDK sample",
            "5 doc package"),
        Field.text("url", "URL", SdkResource::url), Field.ref("docId", "Doc", SdkResource::docId, doc),
        Field.ref("sdkId", "SDK", SdkResource::sdkId, sdk)));
    resources.with(() -> sdkId() == null ? Map.of() : Map.of("sdkId", sdkId()), body -> {
      if (!body.containsKey("sdkId") && sdkId() != null) {
        body.put("sdkId", sdkId()); // a new resource belongs to the selected SDK
      }
      return body;
    });
    resourcesOf = Bindings.createStringBinding(() -> sdks.selected.get() == null ? "Resources of every SDK"
        : "Resources of " + sdks.selected.get().name(), sdks.selected);
    sdks.selected.addListener((o, was, now) -> resources.reload());

    categories = new CrudModel<>(ctx, "category", ContentApi.CATEGORIES, LightModuleCategory::name, List.of(
        Field.text("name", "Name", LightModuleCategory::name), Field.ref("docId", "Doc", LightModuleCategory::docId, doc),
        Field.choice("type", "Kind", LightModuleCategory::type, "1 ordinary", "2 featured")));
    modules = new CrudModel<>(ctx, "light module", ContentApi.MODULES, LightModule::name, List.of(
        Field.text("name", "Name", LightModule::name),
        Field.ref("moduleCategoryId", "Category", LightModule::moduleCategoryId,
            new Ref<>(categories.items, LightModuleCategory::moduleCategoryId, LightModuleCategory::name)),
        Field.ref("sdkId", "SDK (light app)", LightModule::sdkId, sdk),
        Field.text("picUrl", "Pictures (url1,url2)", LightModule::pictures),
        Field.ref("docId", "Doc", LightModule::docId, doc), Field.area("desc", "Description", LightModule::desc)));
    posters = new CrudModel<>(ctx, "poster", ContentApi.POSTERS, Poster::name, List.of(
        Field.text("url", "Image URL", Poster::url), Field.text("name", "Name", Poster::name),
        Field.number("sequence", "Position", p -> Long.toString(p.sequence())),
        Field.text("href", "Link", Poster::href), Field.area("desc", "Description", Poster::desc)));
  }

  ConsoleContext context() {
    return ctx;
  }

  /** The SDK whose resources are listed, or null for every SDK's. */
  String sdkId() {
    Sdk s = sdks.selected.get();
    return s == null ? null : s.sdkId();
  }

  /** Reloads the doc choices (up to 100, by name). */
  public void loadDocs() {
    BeaconClient c = ctx.client();
    if (c == null) {
      return;
    }
    Background.run(ctx, () -> ContentApi.docs(c), docs::setAll, busy, problem);
  }

  /** Reloads what {@code tab} lists, and the doc choices. */
  public void reload(Tab tab) {
    loadDocs();
    switch (tab) {
      case SDKS -> {
        sdks.reload();
        resources.reload();
      }
      case MODULES -> {
        sdks.reload(); // the SDK choices of light modules
        categories.reload();
        modules.reload();
      }
      case POSTERS -> posters.reload();
      case QA -> qa.load(qa.page.get());
    }
  }

  /** The poster's image url to preview, or null. */
  String posterImage() {
    Poster p = posters.selected.get();
    return p == null ? null : p.url();
  }
}

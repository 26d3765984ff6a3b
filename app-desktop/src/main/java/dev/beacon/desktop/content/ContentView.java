package dev.beacon.desktop.content;

import dev.beacon.desktop.client.LightModule;
import dev.beacon.desktop.client.LightModuleCategory;
import dev.beacon.desktop.client.Poster;
import dev.beacon.desktop.client.Sdk;
import dev.beacon.desktop.client.SdkResource;
import dev.beacon.desktop.ui.Columns;
import dev.beacon.desktop.ui.StatusLine;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Content screen's view over {@link ContentModel}: tabs for SDKs (with the selected SDK's
 * resources), light-module categories and light modules, posters (with an image preview) and
 * Q&A. Every table tab is a {@link CrudTab}.
 */
final class ContentView extends BorderPane {
  private final ContentModel model;
  final CrudTab<Sdk> sdks;
  final CrudTab<SdkResource> resources;
  final CrudTab<LightModuleCategory> categories;
  final CrudTab<LightModule> modules;
  final CrudTab<Poster> posters;
  final PosterPreview preview = new PosterPreview();
  final TabPane tabs = new TabPane();

  ContentView(ContentModel model) {
    this.model = model;
    setId("content-view");
    getStyleClass().add("content-view");
    var css = ContentView.class.getResource("content.css");
    if (css != null) {
      getStylesheets().add(css.toExternalForm());
    }

    sdks = new CrudTab<>(model.sdks, "sdk", List.of(
        Columns.text("Name", Sdk::name, 160), Columns.text("Provider", Sdk::provider, 110),
        Columns.text("Type", Sdk::typeText, 90), Columns.text("Who sees it", Sdk::audienceText, 90),
        Columns.text("Version", Sdk::version, 70), Columns.text("Updated", Sdk::updated, 130)),
        "No SDKs yet — fill in the form and Save to add one.");
    resources = new CrudTab<>(model.resources, "resource", List.of(
        Columns.text("Name", SdkResource::name, 160), Columns.text("Type", SdkResource::typeText, 110),
        Columns.text("URL", SdkResource::url, 220), Columns.text("Updated", SdkResource::updated, 130)),
        "No resources for this SDK — add packages, samples and docs with the form.");
    Label resourcesOf = new Label();
    resourcesOf.textProperty().bind(model.resourcesOf);
    resourcesOf.getStyleClass().add("form-title");
    VBox resourceBox = new VBox(4, resourcesOf, resources);
    VBox.setVgrow(resources, Priority.ALWAYS);
    resourceBox.setPadding(new Insets(6, 0, 0, 8));
    SplitPane sdkSplit = new SplitPane(sdks, resourceBox);
    sdkSplit.setOrientation(Orientation.VERTICAL);

    categories = new CrudTab<>(model.categories, "category", List.of(
        Columns.text("Name", LightModuleCategory::name, 180), Columns.text("Kind", LightModuleCategory::kindText, 90),
        Columns.text("Updated", LightModuleCategory::updated, 130)),
        "No light-module categories yet — add one with the form (it needs a doc).");
    modules = new CrudTab<>(model.modules, "module", List.of(
        Columns.text("Name", LightModule::name, 160), Columns.text("Category", LightModule::moduleCategoryName, 120),
        Columns.text("SDK", LightModule::sdkName, 120), Columns.text("Pictures", LightModule::pictures, 160),
        Columns.text("Updated", LightModule::updated, 130)),
        "No light modules yet — add a category and a light-app SDK first, then the module.");
    SplitPane moduleSplit = new SplitPane(categories, modules);
    moduleSplit.setOrientation(Orientation.VERTICAL);

    posters = new CrudTab<>(model.posters, "poster", List.of(
        Columns.number("#", Poster::sequence, 40), Columns.text("Name", Poster::name, 160), Columns.text("Image", Poster::url, 220),
        Columns.text("Link", Poster::href, 160)),
        "No posters yet — add an image URL with the form.");
    Label previewTitle = new Label("Preview");
    previewTitle.getStyleClass().add("form-title");
    posters.addToSide(new VBox(6, previewTitle, preview));
    model.posters.selected.addListener((o, was, now) -> preview.show(model.posterImage(),
        model.context().client() == null ? null : model.context().client().base()));

    tabs.getTabs().addAll(tab("content-sdks", "_SDKs", sdkSplit), tab("content-modules", "_Light modules", moduleSplit),
        tab("content-posters", "_Posters", posters), tab("content-qa", "_Q&A", new QaView(model.qa)));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> reloadTab());
    setCenter(tabs);

    HBox bar = new HBox(8, new Label("Content"), new StatusLine("content", model.busy, model.problem));
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));
    bar.getStyleClass().add("content-bar");
    setTop(bar);
  }

  private static Tab tab(String id, String text, javafx.scene.Node content) {
    Tab t = new Tab(text.replace("_", ""), content);
    t.setId(id);
    return t;
  }

  /** Reloads what the shown tab lists (and the doc choices). */
  void reloadTab() {
    model.reload(ContentModel.Tab.values()[Math.max(0, tabs.getSelectionModel().getSelectedIndex())]);
  }
}

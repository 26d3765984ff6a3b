package dev.beacon.desktop.content;

import static dev.beacon.desktop.content.CrudTab.Field;

import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Content screen's view: tabs for SDKs (with the selected SDK's resources), light-module
 * categories and light modules, posters (with an image preview) and Q&A. Every table tab is a
 * {@link CrudTab}; the field names are the server's (the seed's).
 */
final class ContentView extends BorderPane {
  private final ContentModel model;
  final CrudTab sdks;
  final CrudTab resources;
  final CrudTab categories;
  final CrudTab modules;
  final CrudTab posters;
  final PosterPreview preview = new PosterPreview();
  final TabPane tabs = new TabPane();
  private final Label resourcesOf = new Label();

  ContentView(ContentModel model) {
    this.model = model;
    ConsoleContext ctx = model.context();
    setId("content-view");
    getStyleClass().add("content-view");
    var css = ContentView.class.getResource("content.css");
    if (css != null) {
      getStylesheets().add(css.toExternalForm());
    }

    sdks = new CrudTab(ctx, "sdk", "SDK", "sdkId", List.of(
        Rows.column("Name", "name", 160), Rows.column("Provider", "provider", 110),
        Rows.column("Type", r -> "1".equals(Rows.text(r, "type")) ? "light app" : "native SDK", 90),
        Rows.column("Who sees it", r -> "0".equals(Rows.text(r, "authority")) ? "internal" : "everyone", 90),
        Rows.column("Version", "version", 70), Rows.column("Updated", "updatedate", 130)),
        List.of(Field.text("name", "Name"), Field.text("provider", "Provider"),
            Field.choice("type", "Type", "1 light app", "2 native SDK"),
            Field.choice("authority", "Who sees it", "1 everyone", "0 internal developers only"),
            Field.choice("platform", "Platform", "3 all platforms", "1 Android", "2 iOS"),
            Field.text("version", "Version"), Field.area("desc", "Description")),
        RestOps.of(ctx, "v1/admin/sdk", "sdkList", "v1/admin/sdk", "sdkId"),
        "No SDKs yet — fill in the form and Save to add one.");

    resources = new CrudTab(ctx, "resource", "resource", "resourceId", List.of(
        Rows.column("Name", "name", 160), Rows.column("Type", r -> resourceType(Rows.text(r, "type")), 110),
        Rows.column("URL", "url", 220), Rows.column("Updated", "updateDate", 130)),
        List.of(Field.text("name", "Name"),
            Field.choice("type", "Type", "1 html page", "2 markdown doc", "3 SDK package", "4 SDK sample", "5 doc package"),
            Field.text("url", "URL"), Field.ref("docId", "Doc", model.docs, "docId", "name"),
            Field.ref("sdkId", "SDK", sdks.items(), "sdkId", "name")),
        RestOps.of(ctx, "v1/admin/resource", "resourceList", "v1/admin/resource", "resourceId").with(
            () -> model.sdkId == null ? Map.of() : Map.of("sdkId", model.sdkId),
            body -> body.containsKey("sdkId") || model.sdkId == null ? body : body.copy().put("sdkId", model.sdkId)),
        "No resources for this SDK — add packages, samples and docs with the form.");
    sdks.selectedProperty().addListener((o, was, now) -> {
      model.sdkId = now == null ? null : Rows.text(now, "sdkId");
      resourcesOf.setText(now == null ? "Resources of every SDK" : "Resources of " + Rows.text(now, "name"));
      resources.reload();
    });
    resourcesOf.setText("Resources of every SDK");
    resourcesOf.getStyleClass().add("form-title");
    VBox resourceBox = new VBox(4, resourcesOf, resources);
    VBox.setVgrow(resources, javafx.scene.layout.Priority.ALWAYS);
    resourceBox.setPadding(new Insets(6, 0, 0, 8));
    SplitPane sdkSplit = new SplitPane(sdks, resourceBox);
    sdkSplit.setOrientation(Orientation.VERTICAL);

    categories = new CrudTab(ctx, "category", "category", "moduleCategoryId", List.of(
        Rows.column("Name", "name", 180), Rows.column("Kind", r -> "2".equals(Rows.text(r, "type")) ? "featured" : "ordinary", 90),
        Rows.column("Updated", "updateDate", 130)),
        List.of(Field.text("name", "Name"), Field.ref("docId", "Doc", model.docs, "docId", "name"),
            Field.choice("type", "Kind", "1 ordinary", "2 featured")),
        RestOps.of(ctx, "v1/admin/sdk/lightmodule/category", "moduleCategoryList", "v1/admin/sdk/lightmodule/category",
            "moduleCategoryId"),
        "No light-module categories yet — add one with the form (it needs a doc).");
    modules = new CrudTab(ctx, "module", "light module", "lightModuleId", List.of(
        Rows.column("Name", "name", 160), Rows.column("Category", "moduleCategoryName", 120),
        Rows.column("SDK", "sdkName", 120), Rows.column("Pictures", "pic", 160), Rows.column("Updated", "updateDate", 130)),
        List.of(Field.text("name", "Name"),
            Field.ref("moduleCategoryId", "Category", categories.items(), "moduleCategoryId", "name"),
            Field.ref("sdkId", "SDK (light app)", sdks.items(), "sdkId", "name"),
            Field.text("picUrl", "Pictures (url1,url2)").readFrom("pic"),
            Field.ref("docId", "Doc", model.docs, "docId", "name"), Field.area("desc", "Description")),
        RestOps.of(ctx, "v1/sdk/lightmodule/list", "dataList", "v1/admin/sdk/lightmodule", "lightModuleId"),
        "No light modules yet — add a category and a light-app SDK first, then the module.");
    SplitPane moduleSplit = new SplitPane(categories, modules);
    moduleSplit.setOrientation(Orientation.VERTICAL);

    posters = new CrudTab(ctx, "poster", "poster", "posterid", List.of(
        Rows.number("#", "sequence", 40), Rows.column("Name", "name", 160), Rows.column("Image", "url", 220),
        Rows.column("Link", "href", 160)),
        List.of(Field.text("url", "Image URL"), Field.text("name", "Name"), Field.number("sequence", "Position"),
            Field.text("href", "Link"), Field.area("desc", "Description")),
        RestOps.of(ctx, "v1/poster", "result", "v1/poster", "posterid"),
        "No posters yet — add an image URL with the form.");
    Label previewTitle = new Label("Preview");
    previewTitle.getStyleClass().add("form-title");
    posters.addToSide(new VBox(6, previewTitle, preview));
    posters.selectedProperty().addListener((o, was, now) ->
        preview.show(now == null ? null : Rows.text(now, "url"), ctx.client() == null ? null : ctx.client().base()));

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

  private static String resourceType(String t) {
    return switch (t) {
      case "1" -> "html page";
      case "2" -> "markdown doc";
      case "3" -> "SDK package";
      case "4" -> "SDK sample";
      case "5" -> "doc package";
      default -> t;
    };
  }

  /** Reloads what the shown tab lists (and the doc choices). */
  void reloadTab() {
    model.loadDocs();
    switch (tabs.getSelectionModel().getSelectedIndex()) {
      case 0 -> {
        sdks.reload();
        resources.reload();
      }
      case 1 -> {
        sdks.reload(); // the SDK choices of light modules
        categories.reload();
        modules.reload();
      }
      case 2 -> posters.reload();
      default -> model.qa.load(model.qa.page.get());
    }
  }
}

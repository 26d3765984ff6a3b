package dev.beacon.desktop.docs;

import dev.beacon.desktop.client.Doc;
import dev.beacon.desktop.client.DocTreeNode;
import dev.beacon.desktop.ui.Confirm;
import dev.beacon.desktop.ui.StatusLine;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;
import javafx.util.Duration;

/**
 * The Docs screen's view over {@link DocsModel}: the doc tree on the left, the selected doc
 * rendered in a {@link WebView} (JavaScript off) on the right; for admins, a node editor under the
 * tree and a doc editor tab (markdown with a live preview).
 */
final class DocsView extends BorderPane {
  private final DocsModel model;
  final TreeView<DocTreeNode> tree = new TreeView<>(new TreeItem<>());
  final WebView web = new WebView();
  private boolean rebuilding;

  DocsView(DocsModel model) {
    this.model = model;
    setId("docs-view");
    getStyleClass().add("docs-view");
    var css = DocsView.class.getResource("docs.css");
    if (css != null) {
      getStylesheets().add(css.toExternalForm());
    }
    tree.setId("docs-tree");
    tree.setShowRoot(false);
    tree.setCellFactory(t -> new TreeCell<>() {
      @Override
      protected void updateItem(DocTreeNode node, boolean empty) {
        super.updateItem(node, empty);
        getStyleClass().remove("no-doc");
        if (empty || node == null) {
          setText(null);
          return;
        }
        setText(node.name() + (node.internal() ? "  (internal)" : ""));
        if (!node.hasDoc()) {
          getStyleClass().add("no-doc");
        }
      }
    });
    tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (!rebuilding) {
        model.open(now == null ? null : now.getValue());
      }
    });
    model.nodes.addListener((javafx.collections.ListChangeListener<DocTreeNode>) c -> rebuild());
    model.selected.addListener((o, was, now) -> selectInTree(now));
    Label empty = new Label(model.admin() ? "No docs yet — add a root node below." : "No docs published yet.");
    empty.getStyleClass().add("empty-title");
    empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.nodes));
    empty.setMouseTransparent(true);

    web.setId("docs-web");
    web.getEngine().setJavaScriptEnabled(false); // the server's pages carry no script (its CSP forbids it)
    web.setContextMenuEnabled(false);
    model.html.addListener((o, was, now) -> web.getEngine().loadContent(now == null ? "" : now, "text/html"));

    VBox left = new VBox(6, new javafx.scene.layout.StackPane(tree, empty));
    VBox.setVgrow(left.getChildren().get(0), Priority.ALWAYS);
    if (model.admin()) {
      left.getChildren().add(nodeEditor());
    }
    left.setPadding(new Insets(0, 0, 8, 8));
    left.setMinWidth(300);

    Tab view = new Tab("View", web);
    view.setId("docs-view-tab");
    TabPane tabs = new TabPane(view);
    if (model.admin()) {
      Tab edit = new Tab("Edit doc", docEditor());
      edit.setId("docs-edit-tab");
      tabs.getTabs().add(edit);
    }
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    SplitPane split = new SplitPane(left, tabs);
    split.setDividerPositions(0.3);
    setCenter(split);

    Button refresh = new Button("_Refresh");
    refresh.setId("docs-refresh");
    refresh.setOnAction(e -> model.refresh());
    HBox bar = new HBox(8, new Label("Doc tree"), refresh, new StatusLine("docs", model.busy, model.problem));
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));
    setTop(bar);
  }

  /** Rebuilds the tree items from the flat depth-first list, keeping the selected node selected. */
  private void rebuild() {
    rebuilding = true;
    try {
      String keep = model.selected.get() == null ? null : model.selected.get().id();
      Map<String, TreeItem<DocTreeNode>> items = new HashMap<>();
      TreeItem<DocTreeNode> root = new TreeItem<>();
      TreeItem<DocTreeNode> select = null;
      for (DocTreeNode n : model.nodes) {
        TreeItem<DocTreeNode> item = new TreeItem<>(n);
        item.setExpanded(true);
        items.put(n.id(), item);
        items.getOrDefault(n.pid(), root).getChildren().add(item);
        if (Objects.equals(keep, n.id())) {
          select = item;
        }
      }
      tree.setRoot(root);
      if (select != null) {
        tree.getSelectionModel().select(select);
      }
    } finally {
      rebuilding = false;
    }
  }

  /** Selects the item of {@code node} (the model may open a node itself, e.g. one just added). */
  private void selectInTree(DocTreeNode node) {
    TreeItem<DocTreeNode> current = tree.getSelectionModel().getSelectedItem();
    String id = node == null ? null : node.id();
    if (current != null && current.getValue() != null && Objects.equals(id, current.getValue().id())) {
      return;
    }
    rebuilding = true;
    try {
      TreeItem<DocTreeNode> found = id == null ? null : find(tree.getRoot(), id);
      if (found == null) {
        tree.getSelectionModel().clearSelection();
      } else {
        tree.getSelectionModel().select(found);
      }
    } finally {
      rebuilding = false;
    }
  }

  private static TreeItem<DocTreeNode> find(TreeItem<DocTreeNode> item, String id) {
    if (item.getValue() != null && id.equals(item.getValue().id())) {
      return item;
    }
    for (TreeItem<DocTreeNode> c : item.getChildren()) {
      TreeItem<DocTreeNode> f = find(c, id);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private Region nodeEditor() {
    TextField name = new TextField();
    name.setId("node-name");
    name.setPromptText("Node name");
    ComboBox<Doc> doc = docChooser("node-doc");
    Button save = new Button("Save");
    save.setId("node-save");
    Button up = new Button("▲");
    up.setId("node-up");
    up.setAccessibleText("Move up");
    Button down = new Button("▼");
    down.setId("node-down");
    down.setAccessibleText("Move down");
    Button delete = new Button("Delete…");
    delete.setId("node-delete");
    save.setMinWidth(Region.USE_PREF_SIZE);
    delete.setMinWidth(Region.USE_PREF_SIZE);
    for (Button b : new Button[] {save, up, down, delete}) {
      b.disableProperty().bind(model.selected.isNull());
    }
    model.selected.addListener((o, was, n) -> {
      name.setText(n == null ? "" : n.name());
      doc.getSelectionModel().select(model.docOf(n));
    });
    model.docs.addListener((javafx.collections.ListChangeListener<Doc>) c ->
        doc.getSelectionModel().select(model.docOf(model.selected.get())));
    save.setOnAction(e -> model.saveNode(model.selected.get(), name.getText(), docIdOf(doc)));
    up.setOnAction(e -> model.move(model.selected.get(), -1));
    down.setOnAction(e -> model.move(model.selected.get(), +1));
    delete.setOnAction(e -> {
      DocTreeNode n = model.selected.get();
      if (Confirm.ask(this, model.confirmDeleteNode(n))) {
        model.deleteNode(n, model.descendants(n.id()) > 0);
      }
    });

    TextField newName = new TextField();
    newName.setId("node-new-name");
    newName.setPromptText("New node name");
    Button child = new Button("Add child");
    child.setId("node-add-child");
    child.disableProperty().bind(model.selected.isNull().or(newName.textProperty().isEmpty()));
    child.setOnAction(e -> {
      model.addNode(model.selected.get().id(), newName.getText(), null);
      newName.clear();
    });
    Button root = new Button("Add root");
    root.setId("node-add-root");
    root.disableProperty().bind(newName.textProperty().isEmpty());
    root.setOnAction(e -> {
      model.addNode("0", newName.getText(), null);
      newName.clear();
    });

    GridPane g = new GridPane();
    g.setHgap(6);
    g.setVgap(6);
    g.addRow(0, label("Name"), name);
    g.addRow(1, label("Doc"), doc);
    g.add(new HBox(6, save, up, down, delete), 1, 2);
    g.addRow(3, label("New"), newName);
    g.add(new HBox(6, child, root), 1, 4);
    GridPane.setHgrow(name, Priority.ALWAYS);
    TitledPane pane = new TitledPane("Node", g);
    pane.setCollapsible(false);
    return pane;
  }

  private static Label label(String text) {
    Label l = new Label(text);
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  private ComboBox<Doc> docChooser(String id) {
    ComboBox<Doc> doc = new ComboBox<>(model.docs);
    doc.setId(id);
    doc.setPromptText("(no doc)");
    doc.setMaxWidth(Double.MAX_VALUE);
    doc.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(Doc d, boolean empty) {
        super.updateItem(d, empty);
        setText(empty || d == null ? null : d.name());
      }
    });
    doc.setButtonCell(doc.getCellFactory().call(null));
    return doc;
  }

  private static String docIdOf(ComboBox<Doc> doc) {
    Doc d = doc.getValue();
    return d == null ? "" : d.docId();
  }

  private Region docEditor() {
    TextField title = new TextField();
    title.setId("doc-title");
    title.setPromptText("Title");
    title.textProperty().bindBidirectional(model.title);
    ChoiceBox<String> type = new ChoiceBox<>();
    type.setId("doc-type");
    type.getItems().setAll(DocsModel.TYPES);
    type.getSelectionModel().select(model.type.get() - 1);
    type.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
      if (now.intValue() >= 0) {
        model.type.set(now.intValue() + 1);
      }
    });
    model.type.addListener((o, was, now) -> type.getSelectionModel().select(now.intValue() - 1));
    CheckBox attach = new CheckBox("Hang a new doc on the selected node");
    attach.setId("doc-attach");
    attach.selectedProperty().bindBidirectional(model.attach);
    TextArea content = new TextArea();
    content.setId("doc-content");
    content.setPromptText("Markdown");
    content.getStyleClass().add("mono");
    content.setWrapText(true);
    content.textProperty().bindBidirectional(model.markdown);
    WebView preview = new WebView();
    preview.setId("doc-preview");
    preview.getEngine().setJavaScriptEnabled(false);
    PauseTransition typing = new PauseTransition(Duration.millis(300));
    typing.setOnFinished(e -> preview.getEngine().loadContent(PreviewRenderer.page(model.markdown.get()), "text/html"));
    model.markdown.addListener((o, was, now) -> typing.playFromStart());

    Button neu = new Button("_New doc");
    neu.setId("doc-new");
    neu.setOnAction(e -> model.newDoc());
    Button save = new Button("_Save doc");
    save.setId("doc-save");
    save.setDefaultButton(false);
    save.disableProperty().bind(model.title.isEmpty());
    save.setOnAction(e -> model.saveDoc());
    Button delete = new Button("Delete doc…");
    delete.setId("doc-delete");
    delete.disableProperty().bind(model.docId.isEmpty());
    delete.setOnAction(e -> {
      if (Confirm.ask(this, model.confirmDeleteDoc())) {
        model.deleteDoc();
      }
    });
    Label state = new Label();
    state.textProperty().bind(javafx.beans.binding.Bindings.when(model.docId.isEmpty())
        .then("New doc").otherwise(javafx.beans.binding.Bindings.concat("Editing ", model.docId)));

    HBox head = new HBox(8, new Label("Title"), title, new Label("Type"), type, attach);
    head.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(title, Priority.ALWAYS);
    SplitPane body = new SplitPane(content, preview);
    HBox buttons = new HBox(8, state, new Region(), neu, delete, save);
    HBox.setHgrow(buttons.getChildren().get(1), Priority.ALWAYS);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(8, head, body, buttons);
    VBox.setVgrow(body, Priority.ALWAYS);
    box.setPadding(new Insets(8));
    return box;
  }
}

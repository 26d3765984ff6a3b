package dev.beacon.desktop.docs;

import dev.beacon.desktop.client.Doc;
import dev.beacon.desktop.client.DocTreeNode;
import dev.beacon.desktop.client.DocsApi;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.Confirm;
import dev.beacon.desktop.ui.ConsoleContext;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Docs screen's state: the doc tree (flat, depth first, as the server sends it), the selected
 * node and its rendered page, and for admins the list of docs and the doc being edited.
 */
public final class DocsModel {
  /** Doc types as the server numbers them (1..7). */
  public static final List<String> TYPES = List.of("public", "module", "native app online doc", "downloads",
      "change log", "FAQ", "developer guide");

  private final ConsoleContext ctx;
  final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  final StringProperty problem = new SimpleStringProperty(this, "problem", "");

  final ObservableList<DocTreeNode> nodes = FXCollections.observableArrayList();
  final ObjectProperty<DocTreeNode> selected = new SimpleObjectProperty<>(this, "selected");
  /** The page shown in the viewer (what was handed to the WebEngine). */
  final StringProperty html = new SimpleStringProperty(this, "html", "");

  final ObservableList<Doc> docs = FXCollections.observableArrayList();
  /** The doc in the editor: its id ("" for a new one), title, type (1..7), markdown. */
  final StringProperty docId = new SimpleStringProperty(this, "docId", "");
  final StringProperty title = new SimpleStringProperty(this, "title", "");
  final IntegerProperty type = new SimpleIntegerProperty(this, "type", 1);
  final StringProperty markdown = new SimpleStringProperty(this, "markdown", "");
  /** Whether saving a new doc hangs it on the selected node. */
  final BooleanProperty attach = new SimpleBooleanProperty(this, "attach", true);

  public DocsModel(ConsoleContext ctx) {
    this.ctx = ctx;
  }

  boolean admin() {
    return ctx.admin();
  }

  private DocsApi api() {
    return new DocsApi(ctx.client());
  }

  /** Reloads the tree (and the admin's doc list), keeping the selection by id. */
  public void refresh() {
    if (ctx.client() != null) {
      afterChange(selectedId());
    }
  }

  private String selectedId() {
    return selected.get() == null ? null : selected.get().id();
  }

  DocTreeNode node(String id) {
    return nodes.stream().filter(n -> Objects.equals(id, n.id())).findFirst().orElse(null);
  }

  /** The nodes under {@code id}, at any depth. */
  int descendants(String id) {
    int count = 0;
    for (DocTreeNode n : nodes) {
      if (Objects.equals(id, n.pid())) {
        count += 1 + descendants(n.id());
      }
    }
    return count;
  }

  /** Shows {@code node}: its doc's page in the viewer, and (admins) the doc in the editor. */
  public void open(DocTreeNode node) {
    selected.set(node);
    if (node == null || !node.hasDoc()) {
      html.set(node == null ? "" : "<html><body><p><em>" + escape(node.name())
          + "</em> has no doc attached.</p></body></html>");
      if (admin()) {
        newDoc();
      }
      return;
    }
    String doc = node.docId();
    DocsApi api = api();
    boolean admin = admin();
    Background.run(ctx, () -> new Page(api.html(doc), admin ? api.doc(doc) : null), p -> {
      html.set(p.html());
      if (p.doc() != null) {
        edit(p.doc());
      }
    }, busy, problem);
  }

  /** A node's rendered page, and for admins its doc. */
  private record Page(String html, Doc doc) {}

  /** Puts {@code doc} in the editor. */
  void edit(Doc doc) {
    docId.set(doc.docId());
    title.set(doc.name());
    type.set(doc.type());
    markdown.set(doc.content());
  }

  /** Clears the editor for a new doc. */
  public void newDoc() {
    docId.set("");
    title.set("");
    type.set(1);
    markdown.set("");
  }

  /** Creates or updates the doc in the editor; a new one hangs on the selected node when {@link #attach} is set. */
  public void saveDoc() {
    DocsApi api = api();
    String id = docId.get();
    String name = title.get().trim();
    int t = type.get();
    String text = markdown.get();
    DocTreeNode node = selected.get();
    boolean hang = id.isEmpty() && attach.get() && node != null;
    Background.run(ctx, () -> {
      String saved = id;
      if (id.isEmpty()) {
        saved = api.createDoc(name, t, text);
      } else {
        api.updateDoc(id, name, t, text);
      }
      if (hang) {
        api.attachDoc(node.id(), saved);
      }
      return saved;
    }, saved -> {
      docId.set(saved);
      afterChange(node == null ? null : node.id());
    }, busy, problem);
  }

  /** Deletes the doc in the editor (the server refuses while nodes or resources use it). */
  public void deleteDoc() {
    String id = docId.get();
    if (id.isEmpty()) {
      return;
    }
    DocsApi api = api();
    Background.run(ctx, () -> {
      api.deleteDoc(id);
      return id;
    }, gone -> {
      newDoc();
      afterChange(selectedId());
    }, busy, problem);
  }

  /** Adds a node named {@code name} under {@code pid} ("0" for a root), pointing at {@code doc} (may be null). */
  public void addNode(String pid, String name, String doc) {
    DocsApi api = api();
    String parent = pid == null ? DocTreeNode.ROOT : pid;
    Background.run(ctx, () -> api.createNode(parent, name.trim(), doc), this::afterChange, busy, problem);
  }

  /** Renames {@code node} and points it at {@code doc} ("" detaches). */
  public void saveNode(DocTreeNode node, String name, String doc) {
    DocsApi api = api();
    String id = node.id();
    Background.run(ctx, () -> {
      api.updateNode(id, name.trim(), doc == null ? "" : doc);
      return id;
    }, this::afterChange, busy, problem);
  }

  /** Moves {@code node} one place up ({@code -1}) or down ({@code +1}) among its siblings. */
  public void move(DocTreeNode node, int delta) {
    int order = Math.max(0, node.order() + delta);
    DocsApi api = api();
    String id = node.id();
    Background.run(ctx, () -> {
      api.moveNode(id, order);
      return id;
    }, this::afterChange, busy, problem);
  }

  /** Deletes {@code node}; {@code cascade} deletes its subtree too (the server refuses a node with children otherwise). */
  public void deleteNode(DocTreeNode node, boolean cascade) {
    DocsApi api = api();
    String id = node.id();
    Background.run(ctx, () -> {
      api.deleteNode(id, cascade);
      return id;
    }, gone -> {
      selected.set(null);
      html.set("");
      afterChange(null);
    }, busy, problem);
  }

  /** Reloads the tree and then selects {@code id} again. */
  private void afterChange(String id) {
    DocsApi api = api();
    boolean admin = admin();
    Background.run(ctx, () -> new Tree(api.tree(), admin ? api.docs() : List.of()), t -> {
      nodes.setAll(t.nodes());
      docs.setAll(t.docs());
      DocTreeNode again = node(id);
      if (again != null) {
        open(again);
      }
    }, busy, problem);
  }

  /** The tree, and for admins the docs. */
  private record Tree(List<DocTreeNode> nodes, List<Doc> docs) {}

  /** The doc the selected node points at, among the admin's docs (null for none). */
  Doc docOf(DocTreeNode node) {
    String id = node == null ? null : node.docId();
    return docs.stream().filter(d -> Objects.equals(id, d.docId())).findFirst().orElse(null);
  }

  /** What to ask before deleting {@code node}: a node with others below it goes with them. */
  Confirm.Question confirmDeleteNode(DocTreeNode node) {
    int below = descendants(node.id());
    String what = "'" + node.name() + "'";
    return below == 0 ? new Confirm.Question("Delete the node " + what + "?", "The doc it points at stays.", "Delete")
        : new Confirm.Question(what + " has " + below + " node(s) below it.",
            "Delete it with everything below it? The docs they point at stay.", "Delete with children");
  }

  /** What to ask before deleting the doc in the editor. */
  Confirm.Question confirmDeleteDoc() {
    return new Confirm.Question("Delete the doc '" + title.get() + "'?",
        "The server refuses while tree nodes, resources or light modules still use it.", "Delete");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

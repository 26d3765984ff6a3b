package dev.beacon.desktop.docs;

import dev.beacon.desktop.content.Rows;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
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

  final ObservableList<JsonObject> nodes = FXCollections.observableArrayList();
  final ObjectProperty<JsonObject> selected = new SimpleObjectProperty<>(this, "selected");
  /** The page shown in the viewer (what was handed to the WebEngine). */
  final StringProperty html = new SimpleStringProperty(this, "html", "");

  final ObservableList<JsonObject> docs = FXCollections.observableArrayList();
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
      afterChange(selected.get() == null ? null : selected.get().getString("id"));
    }
  }

  JsonObject node(String id) {
    return nodes.stream().filter(n -> Objects.equals(id, n.getString("id"))).findFirst().orElse(null);
  }

  /** The nodes under {@code id}, at any depth. */
  int descendants(String id) {
    int count = 0;
    for (JsonObject n : nodes) {
      if (Objects.equals(id, n.getString("pid"))) {
        count += 1 + descendants(n.getString("id"));
      }
    }
    return count;
  }

  /** Shows {@code node}: its doc's page in the viewer, and (admins) the doc in the editor. */
  public void open(JsonObject node) {
    selected.set(node);
    String doc = node == null ? null : Rows.blankToNull(node.getString("docId"));
    if (doc == null) {
      html.set(node == null ? "" : "<html><body><p><em>" + escape(node.getString("name", ""))
          + "</em> has no doc attached.</p></body></html>");
      if (admin()) {
        newDoc();
      }
      return;
    }
    DocsApi api = api();
    boolean admin = admin();
    Background.run(ctx, () -> new JsonObject().put("html", api.html(doc)).put("doc", admin ? api.doc(doc).getJsonObject("doc") : null),
        j -> {
          html.set(j.getString("html"));
          JsonObject d = j.getJsonObject("doc");
          if (d != null) {
            edit(d);
          }
        }, busy, problem);
  }

  /** Puts {@code doc} in the editor. */
  void edit(JsonObject doc) {
    docId.set(doc.getString("docId", ""));
    title.set(doc.getString("name", ""));
    Object t = doc.getValue("type");
    type.set(t == null ? 1 : Integer.parseInt(t.toString()));
    markdown.set(doc.getString("content", ""));
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
    JsonObject body = new JsonObject().put("name", title.get().trim()).put("type", type.get()).put("content", markdown.get());
    JsonObject node = selected.get();
    boolean hang = id.isEmpty() && attach.get() && node != null;
    Background.run(ctx, () -> {
      String saved = id;
      if (id.isEmpty()) {
        saved = api.createDoc(body).getString("docId");
      } else {
        api.updateDoc(id, body);
      }
      if (hang) {
        api.updateNode(node.getString("id"), new JsonObject().put("docId", saved));
      }
      return saved;
    }, saved -> {
      docId.set(saved);
      afterChange(node == null ? null : node.getString("id"));
    }, busy, problem);
  }

  /** Deletes the doc in the editor (the server refuses while nodes or resources use it). */
  public void deleteDoc() {
    String id = docId.get();
    if (id.isEmpty()) {
      return;
    }
    DocsApi api = api();
    Background.run(ctx, () -> api.deleteDoc(id), j -> {
      newDoc();
      afterChange(selected.get() == null ? null : selected.get().getString("id"));
    }, busy, problem);
  }

  /** Adds a node named {@code name} under {@code pid} ("0" for a root), pointing at {@code doc} (may be null). */
  public void addNode(String pid, String name, String doc) {
    DocsApi api = api();
    JsonObject body = new JsonObject().put("pid", pid == null ? "0" : pid).put("name", name.trim());
    if (doc != null) {
      body.put("docId", doc);
    }
    Background.run(ctx, () -> api.createNode(body).getString("id"), this::afterChange, busy, problem);
  }

  /** Renames {@code node} and points it at {@code doc} ("" detaches). */
  public void saveNode(JsonObject node, String name, String doc) {
    DocsApi api = api();
    String id = node.getString("id");
    JsonObject body = new JsonObject().put("name", name.trim()).put("docId", doc == null ? "" : doc);
    Background.run(ctx, () -> api.updateNode(id, body), j -> afterChange(id), busy, problem);
  }

  /** Moves {@code node} one place up ({@code -1}) or down ({@code +1}) among its siblings. */
  public void move(JsonObject node, int delta) {
    int order = Math.max(0, node.getInteger("order", 0) + delta);
    DocsApi api = api();
    String id = node.getString("id");
    Background.run(ctx, () -> api.updateNode(id, new JsonObject().put("order", order)), j -> afterChange(id), busy, problem);
  }

  /** Deletes {@code node}; {@code cascade} deletes its subtree too (the server refuses a node with children otherwise). */
  public void deleteNode(JsonObject node, boolean cascade) {
    DocsApi api = api();
    String id = node.getString("id");
    Background.run(ctx, () -> api.deleteNode(id, cascade), j -> {
      selected.set(null);
      html.set("");
      afterChange(null);
    }, busy, problem);
  }

  /** Reloads the tree and then selects {@code id} again. */
  private void afterChange(String id) {
    DocsApi api = api();
    boolean admin = admin();
    Background.run(ctx, () -> new JsonObject().put("tree", api.tree().getJsonArray("tree"))
        .put("docs", admin ? api.docs().getJsonArray("docs") : null), j -> {
          nodes.setAll(Rows.objects(j, "tree"));
          docs.setAll(Rows.objects(j, "docs"));
          JsonObject again = node(id);
          if (again != null) {
            open(again);
          }
        }, busy, problem);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

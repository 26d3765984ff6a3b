package dev.beacon.api.content.docs;

import dev.beacon.api.content.Lookup;
import dev.beacon.api.content.Text;
import dev.beacon.api.content.Viewer;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.hibernate.Session;

/**
 * Building the doc tree: nodes under a parent, in order, with cycles refused. Every method runs
 * inside a transaction the caller opened.
 */
final class DocTreeService {
  private final ServerContext sc;

  DocTreeService(ServerContext sc) {
    this.sc = sc;
  }

  /** The flat tree the viewer may see, depth first, as the seed shows it. */
  JsonArray tree(Session s, Viewer viewer) {
    DocTree tree = DocTree.load(s);
    Map<String, Doc> docs = new HashMap<>();
    s.createSelectionQuery("from Doc d where d.docId in (select n.docId from DocTreeNode n)", Doc.class)
        .getResultList().forEach(d -> docs.put(d.docId, d));
    JsonArray out = new JsonArray();
    for (DocTreeNode n : tree.preorder()) {
      boolean internalOnly = tree.hidden(n);
      if (viewer.seesInternal() || !internalOnly) {
        out.add(DocJson.node(n, n.docId == null ? null : docs.get(n.docId), internalOnly));
      }
    }
    return out;
  }

  DocTreeNode create(Session s, TreeNodePatch p) {
    DocTree tree = DocTree.load(s);
    DocTreeNode n = new DocTreeNode();
    n.id = Ids.newId();
    n.parentId = parentId(tree, p.pid());
    n.name = p.name();
    n.docId = docId(s, p.docId());
    n.sdkId = sdkId(s, p.sdkId());
    n.internal = Boolean.TRUE.equals(p.internal());
    n.createdAt = sc.now();
    n.updatedAt = n.createdAt;
    place(tree.children(n.parentId), n, p.order());
    s.persist(n);
    return n;
  }

  DocTreeNode update(Session s, String id, TreeNodePatch p) {
    DocTree tree = DocTree.load(s);
    DocTreeNode n = require(tree, id);
    boolean moved = false;
    if (p.pid() != null) {
      String parentId = parentId(tree, p.pid());
      if (parentId != null && tree.subtree(id).contains(tree.node(parentId))) {
        throw ApiException.rule("cannot move tree node '" + n.name + "' under itself or its own descendant '"
            + tree.node(parentId).name + "'");
      }
      if (!Objects.equals(parentId, n.parentId)) {
        List<DocTreeNode> formerSiblings = new ArrayList<>(tree.children(n.parentId));
        formerSiblings.remove(n);
        renumber(formerSiblings);
        n.parentId = parentId;
        place(tree.children(parentId), n, p.order());
        moved = true;
      }
    }
    if (!moved && p.order() != null) {
      place(tree.children(n.parentId), n, p.order());
    }
    if (p.name() != null) {
      n.name = p.name();
    }
    if (p.docId() != null) {
      n.docId = docId(s, p.docId());
    }
    if (p.sdkId() != null) {
      n.sdkId = sdkId(s, p.sdkId());
    }
    if (p.internal() != null) {
      n.internal = p.internal();
    }
    n.updatedAt = sc.now();
    return n;
  }

  /**
   * Deletes a node. A node with children is a 4007 unless {@code cascade}, which deletes the
   * whole subtree (deepest first). Answers how many nodes were deleted.
   */
  int delete(Session s, String id, boolean cascade) {
    DocTree tree = DocTree.load(s);
    DocTreeNode n = require(tree, id);
    List<DocTreeNode> subtree = tree.subtree(id);
    if (subtree.size() > 1 && !cascade) {
      List<String> children = tree.children(id).stream().map(c -> c.name).toList();
      throw ApiException.rule("tree node '" + n.name + "' has " + children.size() + " child node(s) (" + String.join(", ", children)
          + "); delete them first, or pass cascade=true to delete the whole subtree (" + subtree.size() + " nodes)");
    }
    for (int i = subtree.size() - 1; i >= 0; i--) {
      s.remove(subtree.get(i));
    }
    List<DocTreeNode> siblings = new ArrayList<>(tree.children(n.parentId));
    siblings.remove(n);
    renumber(siblings);
    return subtree.size();
  }

  /** A node as the tree shows it, after a change. */
  JsonObject json(Session s, DocTreeNode n) {
    DocTree tree = DocTree.load(s);
    return DocJson.node(n, n.docId == null ? null : s.find(Doc.class, n.docId), tree.hidden(n));
  }

  private static DocTreeNode require(DocTree tree, String id) {
    DocTreeNode n = tree.node(id);
    if (n == null) {
      throw ApiException.notFound("no tree node " + id);
    }
    return n;
  }

  private static String parentId(DocTree tree, String pid) {
    if (TreeNodePatch.isRoot(pid)) {
      return null;
    }
    if (tree.node(pid.trim()) == null) {
      throw ApiException.notFound("no tree node " + pid.trim() + " (pid)");
    }
    return pid.trim();
  }

  private static String docId(Session s, String docId) {
    return reference(docId, id -> Lookup.require(s, Doc.class, id, "doc (docId)"));
  }

  private static String sdkId(Session s, String sdkId) {
    return reference(sdkId, id -> Lookup.requireExists(s, "Sdk", id, "SDK (sdkId)"));
  }

  /** An id sent to refer to something: {@code null} when empty (to remove the reference), else checked to exist. */
  private static String reference(String value, Consumer<String> mustExist) {
    String id = Text.blankToNull(value);
    if (id == null) {
      return null;
    }
    mustExist.accept(id.trim());
    return id.trim();
  }

  /** Puts the node at {@code position} among the siblings (last when {@code null} or past the end). */
  private static void place(List<DocTreeNode> siblings, DocTreeNode node, Integer position) {
    List<DocTreeNode> list = new ArrayList<>(siblings);
    list.remove(node);
    list.add(position == null ? list.size() : Math.min(position, list.size()), node);
    renumber(list);
  }

  private static void renumber(List<DocTreeNode> siblings) {
    for (int i = 0; i < siblings.size(); i++) {
      siblings.get(i).order = i;
    }
  }
}

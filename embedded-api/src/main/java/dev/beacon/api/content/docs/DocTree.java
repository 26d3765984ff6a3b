package dev.beacon.api.content.docs;

import dev.beacon.api.content.InternalMaterial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * The whole doc tree read at once (a doc tree is small), in order, with what is hidden from
 * callers who may not see internal material. A node is hidden when it is flagged internal, tied
 * to an internal SDK, shows a doc of an internal SDK, or has a hidden ancestor.
 */
final class DocTree {
  private static final Comparator<DocTreeNode> SIBLING_ORDER = Comparator
      .comparingInt((DocTreeNode n) -> n.order).thenComparing(n -> n.name).thenComparing(n -> n.id);

  private final Map<String, DocTreeNode> byId = new HashMap<>();
  private final Map<String, List<DocTreeNode>> children = new HashMap<>();
  private final List<DocTreeNode> preorder = new ArrayList<>();
  private final Set<String> hidden = new HashSet<>();
  private final Set<String> internalDocs;
  private final Set<String> internalSdks;

  private DocTree(List<DocTreeNode> nodes, Set<String> internalSdks, Set<String> internalDocs) {
    this.internalSdks = internalSdks;
    this.internalDocs = internalDocs;
    for (DocTreeNode n : nodes) {
      byId.put(n.id, n);
      children.computeIfAbsent(key(n.parentId), k -> new ArrayList<>()).add(n);
    }
    children.values().forEach(l -> l.sort(SIBLING_ORDER));
    walk(null, false, new HashSet<>());
  }

  static DocTree load(Session s) {
    return new DocTree(s.createSelectionQuery("from DocTreeNode n", DocTreeNode.class).getResultList(),
        InternalMaterial.internalSdkIds(s), InternalMaterial.docsOfInternalSdks(s));
  }

  private static String key(String parentId) {
    return parentId == null ? DocTreeNode.ROOT : parentId;
  }

  private void walk(String parentId, boolean parentHidden, Set<String> seen) {
    for (DocTreeNode n : children(parentId)) {
      if (!seen.add(n.id)) {
        continue;
      }
      boolean h = parentHidden || n.internal || (n.sdkId != null && internalSdks.contains(n.sdkId))
          || (n.docId != null && internalDocs.contains(n.docId));
      if (h) {
        hidden.add(n.id);
      }
      preorder.add(n);
      walk(n.id, h, seen);
    }
  }

  DocTreeNode node(String id) {
    return byId.get(id);
  }

  /** The children of a node in order; {@code null} for the roots. */
  List<DocTreeNode> children(String parentId) {
    return children.getOrDefault(key(parentId), List.of());
  }

  /** Every node, depth first, siblings in order: the seed's flat tree. */
  List<DocTreeNode> preorder() {
    return preorder;
  }

  /** The node and all its descendants, depth first. */
  List<DocTreeNode> subtree(String id) {
    List<DocTreeNode> out = new ArrayList<>();
    DocTreeNode n = byId.get(id);
    if (n != null) {
      collect(n, out);
    }
    return out;
  }

  private void collect(DocTreeNode n, List<DocTreeNode> out) {
    out.add(n);
    children(n.id).forEach(c -> collect(c, out));
  }

  /** Whether the node is hidden from callers who may not see internal material. */
  boolean hidden(DocTreeNode n) {
    return hidden.contains(n.id);
  }

  /**
   * Whether a doc is hidden from callers who may not see internal material: it belongs to an
   * internal SDK, or every tree node that shows it is hidden.
   */
  boolean docHidden(String docId) {
    if (internalDocs.contains(docId)) {
      return true;
    }
    List<DocTreeNode> showing = preorder.stream().filter(n -> docId.equals(n.docId)).toList();
    return !showing.isEmpty() && showing.stream().allMatch(this::hidden);
  }
}

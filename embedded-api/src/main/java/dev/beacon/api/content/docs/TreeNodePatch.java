package dev.beacon.api.content.docs;

import dev.beacon.api.content.Text;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;

/**
 * The fields an admin sends to create or edit a tree node: {@code pid} ("0", empty or absent on
 * create for a root), {@code name}, {@code docId} and {@code sdkId} (empty to remove),
 * {@code internal}, and {@code order}, the 0-based place among the siblings (past the end, or
 * absent, means last). {@code null} means "not sent".
 */
record TreeNodePatch(String pid, String name, String docId, String sdkId, Boolean internal, Integer order) {
  private static final int ID_MAX = 64;

  static TreeNodePatch forCreate(Body b) {
    String pid = b.optionalString("pid", ID_MAX);
    return new TreeNodePatch(pid == null ? DocTreeNode.ROOT : pid, b.requiredString("name", DocTreeNode.NAME_MAX).trim(),
        b.optionalString("docId", ID_MAX), b.optionalString("sdkId", ID_MAX), b.optionalBoolean("internal"), order(b));
  }

  static TreeNodePatch forUpdate(Body b) {
    String name = b.optionalNonBlank("name", DocTreeNode.NAME_MAX);
    return new TreeNodePatch(b.optionalString("pid", ID_MAX), Text.trim(name),
        b.optionalString("docId", ID_MAX), b.optionalString("sdkId", ID_MAX), b.optionalBoolean("internal"), order(b));
  }

  /** Whether {@code pid} names the root level. */
  static boolean isRoot(String pid) {
    return pid.isBlank() || pid.trim().equals(DocTreeNode.ROOT);
  }

  private static Integer order(Body b) {
    Integer order = b.optionalInt("order");
    if (order != null && order < 0) {
      throw ApiException.badParameter("order must be 0 or more (the place among the siblings), got " + order);
    }
    return order;
  }
}

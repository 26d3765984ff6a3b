package dev.beacon.api.content.docs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A node of the online doc tree: a name under a parent (none for a root), optionally a doc, and
 * its place among its siblings. A node flagged internal, or tied to an internal SDK, is hidden
 * with its whole subtree from callers who may not see internal material.
 */
@Entity
@Table(name = "doc_tree_node")
public class DocTreeNode {
  /** The seed's parent id of a root. */
  public static final String ROOT = "0";
  public static final int NAME_MAX = 255;

  @Id
  @Column(name = "node_id", length = 32)
  public String id;

  /** {@code null} for a root. */
  @Column(name = "parent_id", length = 32)
  public String parentId;

  @Column(nullable = false, length = NAME_MAX)
  public String name;

  @Column(name = "doc_id", length = 32)
  public String docId;

  /** An SDK the node belongs to: the node is internal when the SDK is. */
  @Column(name = "sdk_id", length = 32)
  public String sdkId;

  @Column(name = "is_internal", nullable = false)
  public boolean internal;

  /** 0-based place among its siblings. */
  @Column(name = "sort_order", nullable = false)
  public int order;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}

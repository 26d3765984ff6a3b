package dev.beacon.api.content.docs;

import dev.beacon.api.content.Text;
import dev.beacon.api.core.Dates;
import io.vertx.core.json.JsonObject;

/** Docs and tree nodes as the seed shows them. */
final class DocJson {
  private DocJson() {}

  /**
   * A doc: the seed's fields (its tables write {@code createdate}/{@code updatedate}; the
   * camel-case spellings of the other answers are sent too) and whether it has inline content.
   */
  static JsonObject doc(Doc d) {
    return new JsonObject()
        .put("docId", d.docId)
        .put("name", d.name)
        .put("type", d.type)
        .put("url", d.effectiveUrl())
        .put("hasContent", d.content != null)
        .put("createdate", Dates.format(d.createdAt))
        .put("updatedate", Dates.format(d.updatedAt))
        .put("createDate", Dates.format(d.createdAt))
        .put("updateDate", Dates.format(d.updatedAt));
  }

  /** A doc with its inline markdown, for the detail answer. */
  static JsonObject detail(Doc d) {
    return doc(d).put("content", d.content);
  }

  /**
   * A node of the flat tree: {@code id, pid, name, url, type} as the seed ({@code pid} "0" for
   * roots, {@code url} "" and {@code type} 0 without a doc), plus its doc, SDK, order, its own
   * internal flag and whether it is internal-only in effect (flagged itself or through an
   * ancestor, an internal SDK or an internal SDK's doc).
   */
  static JsonObject node(DocTreeNode n, Doc doc, boolean internalOnly) {
    return new JsonObject()
        .put("id", n.id)
        .put("pid", n.parentId == null ? DocTreeNode.ROOT : n.parentId)
        .put("name", n.name)
        .put("url", doc == null ? "" : doc.effectiveUrl())
        .put("type", doc == null ? 0 : doc.type)
        .put("docId", Text.orEmpty(n.docId))
        .put("sdkId", Text.orEmpty(n.sdkId))
        .put("order", n.order)
        .put("internal", n.internal)
        .put("internalOnly", internalOnly);
  }
}

package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/** A node of the doc tree: under {@code pid} ("0" for a root), at {@code order} among its siblings, pointing at a doc or not. */
public record DocTreeNode(String id, String pid, String name, String docId, int order, boolean internal) {
  public static final String ROOT = "0";

  static DocTreeNode of(JsonObject j) {
    return new DocTreeNode(Json.text(j, "id"), Json.text(j, "pid"), Json.text(j, "name"), Json.text(j, "docId"),
        (int) Json.number(j, "order", 0), Json.flag(j, "internal"));
  }

  public boolean hasDoc() {
    return !docId.isBlank();
  }
}

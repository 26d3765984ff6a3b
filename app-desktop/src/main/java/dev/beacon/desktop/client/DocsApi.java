package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** The doc routes the Docs screen uses (the viewer's public ones and the admin's). Blocking. */
public final class DocsApi {
  private final BeaconClient client;

  public DocsApi(BeaconClient client) {
    this.client = client;
  }

  /** {@code GET /v1/doc/tree}: flat and depth first (the session's headers show internal nodes to admins). */
  public List<DocTreeNode> tree() throws ApiError {
    return Json.list(client.get("v1/doc/tree", Map.of()), "tree", DocTreeNode::of);
  }

  /** {@code GET /v1/doc/{docId}/html}: the rendered page. */
  public String html(String docId) throws ApiError {
    return client.text("v1/doc/" + docId + "/html", Map.of());
  }

  /** {@code GET /v1/doc/{docId}}, with its markdown. */
  public Doc doc(String docId) throws ApiError {
    return Doc.of(client.get("v1/doc/" + docId, Map.of()).getJsonObject("doc"));
  }

  /** {@code GET /v1/admin/doc}: up to 100 docs by name. */
  public List<Doc> docs() throws ApiError {
    return ContentApi.docs(client);
  }

  /** Creates a doc; its id. */
  public String createDoc(String name, int type, String markdown) throws ApiError {
    return Json.text(client.post("v1/admin/doc", docBody(name, type, markdown)), "docId");
  }

  public void updateDoc(String docId, String name, int type, String markdown) throws ApiError {
    client.put("v1/admin/doc/" + docId, docBody(name, type, markdown));
  }

  private static JsonObject docBody(String name, int type, String markdown) {
    return new JsonObject().put("name", name).put("type", type).put("content", markdown);
  }

  /** Deletes a doc (the server refuses while nodes, resources or light modules use it). */
  public void deleteDoc(String docId) throws ApiError {
    client.delete("v1/admin/doc/" + docId);
  }

  /** Adds a node named {@code name} under {@code pid}, pointing at {@code docId} (null for none); its id. */
  public String createNode(String pid, String name, String docId) throws ApiError {
    JsonObject body = new JsonObject().put("pid", pid).put("name", name);
    if (docId != null) {
      body.put("docId", docId);
    }
    return Json.text(client.post("v1/admin/doc/tree", body), "id");
  }

  /** Points node {@code id} at {@code docId} ("" detaches). */
  public void attachDoc(String id, String docId) throws ApiError {
    client.put("v1/admin/doc/tree/" + id, new JsonObject().put("docId", docId));
  }

  /** Renames node {@code id} and points it at {@code docId} ("" detaches). */
  public void updateNode(String id, String name, String docId) throws ApiError {
    client.put("v1/admin/doc/tree/" + id, new JsonObject().put("name", name).put("docId", docId));
  }

  /** Moves node {@code id} to {@code order} among its siblings. */
  public void moveNode(String id, int order) throws ApiError {
    client.put("v1/admin/doc/tree/" + id, new JsonObject().put("order", order));
  }

  /** Deletes node {@code id}; {@code cascade} deletes its subtree too. */
  public void deleteNode(String id, boolean cascade) throws ApiError {
    client.delete("v1/admin/doc/tree/" + id + (cascade ? "?cascade=true" : ""));
  }
}

package dev.beacon.desktop.docs;

import dev.beacon.desktop.client.ApiError;
import dev.beacon.desktop.client.BeaconClient;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The doc routes the Docs screen uses (the viewer's public ones and the admin's). Blocking. */
final class DocsApi {
  private final BeaconClient client;

  DocsApi(BeaconClient client) {
    this.client = client;
  }

  /** {@code GET /v1/doc/tree}: {tree[]} flat and depth first (the session's headers show internal nodes to admins). */
  JsonObject tree() throws ApiError {
    return client.get("v1/doc/tree", Map.of());
  }

  /** {@code GET /v1/doc/{docId}/html}: the rendered page. */
  String html(String docId) throws ApiError {
    return client.text("v1/doc/" + docId + "/html", Map.of());
  }

  /** {@code GET /v1/doc/{docId}}: {doc{docId, name, type, url, content, ...}}. */
  JsonObject doc(String docId) throws ApiError {
    return client.get("v1/doc/" + docId, Map.of());
  }

  /** {@code GET /v1/admin/doc}, by name: {totalCount, docs[]}. */
  JsonObject docs() throws ApiError {
    return client.get("v1/admin/doc", Map.of("pageNo", 1, "pageSize", 100, "orderBy", "name:asc"));
  }

  JsonObject createDoc(JsonObject body) throws ApiError {
    return client.post("v1/admin/doc", body);
  }

  JsonObject updateDoc(String docId, JsonObject body) throws ApiError {
    return client.put("v1/admin/doc/" + docId, body);
  }

  JsonObject deleteDoc(String docId) throws ApiError {
    return client.delete("v1/admin/doc/" + docId);
  }

  /** {@code POST /v1/admin/doc/tree}: {id, node}. */
  JsonObject createNode(JsonObject body) throws ApiError {
    return client.post("v1/admin/doc/tree", body);
  }

  JsonObject updateNode(String id, JsonObject body) throws ApiError {
    return client.put("v1/admin/doc/tree/" + id, body);
  }

  JsonObject deleteNode(String id, boolean cascade) throws ApiError {
    return client.delete("v1/admin/doc/tree/" + id + (cascade ? "?cascade=true" : ""));
  }
}

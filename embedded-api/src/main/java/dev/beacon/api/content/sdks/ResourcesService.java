package dev.beacon.api.content.sdks;

import dev.beacon.api.content.Lookup;
import dev.beacon.api.content.Text;
import dev.beacon.api.content.docs.Doc;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.ListQuery;
import dev.beacon.api.core.Ordering;
import dev.beacon.api.core.Page;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** What can be done with resources. Every method runs inside a transaction the caller opened. */
final class ResourcesService {
  /** The order of resource lists: by name or creation, newest first unless asked otherwise. */
  static final Ordering ORDER = Ordering.byNameOrCreation("resourceId");
  /** An SDK's detail lists its resources oldest first, as they were added. */
  static final Ordering SDK_DETAIL_ORDER = ORDER.withDefault("create_date:asc");

  private final ServerContext sc;

  ResourcesService(ServerContext sc) {
    this.sc = sc;
  }

  SdkResource create(Session s, ResourcePatch p) {
    SdkResource r = new SdkResource();
    r.resourceId = Ids.newId();
    r.createdAt = sc.now();
    apply(s, r, p);
    s.persist(r);
    return r;
  }

  SdkResource update(Session s, String resourceId, ResourcePatch p) {
    SdkResource r = find(s, resourceId);
    apply(s, r, p);
    return r;
  }

  void delete(Session s, String resourceId) {
    s.remove(find(s, resourceId));
  }

  SdkResource find(Session s, String resourceId) {
    return Lookup.require(s, SdkResource.class, resourceId, "resource");
  }

  /** Resources filtered by type and SDK ({@code null} for any). */
  Page<SdkResource> list(Session s, Integer type, String sdkId, Paging paging) {
    return ListQuery.of(SdkResource.class, "r").equal("r.type", type).equal("r.sdkId", sdkId).page(s, SdkResource.class, paging);
  }

  JsonObject json(Session s, SdkResource r) {
    return ResourceJson.of(r, r.docId == null ? null : Lookup.require(s, Doc.class, r.docId, "doc").type);
  }

  /** Resources as a list, each with the type of its doc (read in one query). */
  JsonArray json(Session s, List<SdkResource> resources) {
    List<String> docIds = resources.stream().map(r -> r.docId).filter(id -> id != null).distinct().toList();
    Map<String, Integer> docTypes = new HashMap<>();
    if (!docIds.isEmpty()) {
      s.createSelectionQuery("from Doc d where d.docId in :ids", Doc.class).setParameter("ids", docIds)
          .getResultList().forEach(d -> docTypes.put(d.docId, d.type));
    }
    return new JsonArray(resources.stream().map(r -> ResourceJson.of(r, docTypes.get(r.docId))).toList());
  }

  private void apply(Session s, SdkResource r, ResourcePatch p) {
    if (p.name() != null) {
      r.name = p.name();
    }
    if (p.type() != null) {
      r.type = p.type();
    }
    if (p.url() != null) {
      r.url = p.url();
    }
    if (p.sdkId() != null) {
      r.sdkId = Text.blankToNull(p.sdkId());
      if (r.sdkId != null) {
        Lookup.require(s, Sdk.class, r.sdkId, "SDK (sdkId)");
      }
    }
    if (p.docId() != null) {
      r.docId = Text.blankToNull(p.docId());
      if (r.docId != null) {
        Lookup.require(s, Doc.class, r.docId, "doc (docId)");
      }
    }
    if (r.type == SdkResource.SDK_PACKAGE && r.sdkId == null) {
      throw ApiException.badParameter("sdkId is required for a resource of type 3 (SDK package)");
    }
    if (r.type == SdkResource.MARKDOWN_DOC && r.docId == null) {
      throw ApiException.badParameter("docId is required for a resource of type 2 (markdown doc)");
    }
    r.updatedAt = sc.now();
  }
}

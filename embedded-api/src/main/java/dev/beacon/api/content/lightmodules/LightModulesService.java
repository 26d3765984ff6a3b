package dev.beacon.api.content.lightmodules;

import dev.beacon.api.content.InternalMaterial;
import dev.beacon.api.content.Lookup;
import dev.beacon.api.content.Viewer;
import dev.beacon.api.content.docs.Doc;
import dev.beacon.api.content.sdks.Sdk;
import dev.beacon.api.content.sdks.SdkResource;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.ListQuery;
import dev.beacon.api.core.Page;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hibernate.Session;

/**
 * What can be done with light modules. A module of an internal SDK is hidden (4004, left out of
 * lists) from viewers who may not see internal material. Every method runs inside a transaction
 * the caller opened.
 */
final class LightModulesService {
  private final ServerContext sc;

  LightModulesService(ServerContext sc) {
    this.sc = sc;
  }

  LightModule create(Session s, LightModulePatch p) {
    LightModule m = new LightModule();
    m.lightModuleId = Ids.newId();
    m.type = LightModule.ORDINARY;
    m.createdAt = sc.now();
    apply(s, m, p);
    s.persist(m);
    return m;
  }

  LightModule update(Session s, String id, LightModulePatch p) {
    LightModule m = find(s, id);
    apply(s, m, p);
    return m;
  }

  void delete(Session s, String id) {
    s.remove(find(s, id));
  }

  LightModule find(Session s, String id) {
    return Lookup.require(s, LightModule.class, id, "light module");
  }

  /** One page of the modules the viewer may see, optionally of one category, with SDK and category names. */
  JsonObject list(Session s, Viewer viewer, String categoryId, Paging paging) {
    Page<Object[]> page = ListQuery.of(LightModule.class, "m")
        .join("join Sdk k on k.sdkId = m.sdkId")
        .join("join LightModuleCategory c on c.categoryId = m.categoryId")
        .select("select m, k.name, c.name")
        .equal("m.categoryId", categoryId)
        .notEqual("k.authority", viewer.seesInternal() ? null : InternalMaterial.INTERNAL_AUTHORITY)
        .page(s, Object[].class, paging);
    JsonArray items = new JsonArray();
    page.items().forEach(row -> items.add(LightModuleJson.listItem((LightModule) row[0], (String) row[1], (String) row[2])));
    return new JsonObject().put("totalCount", page.totalCount()).put("dataList", items);
  }

  /** The detail: the module with its SDK's name, version and date and its doc's url. */
  JsonObject detail(Session s, String id, Viewer viewer) {
    LightModule m = visible(s, id, viewer);
    return LightModuleJson.detail(m, s.find(Sdk.class, m.sdkId), s.find(LightModuleCategory.class, m.categoryId),
        s.find(Doc.class, m.docId));
  }

  /** Where to download the module: the url of its SDK's newest package (a resource of type 3). */
  String downloadUrl(Session s, String id, Viewer viewer) {
    LightModule m = visible(s, id, viewer);
    return s.createSelectionQuery("select r.url from SdkResource r where r.sdkId = :sdk and r.type = :type"
            + " order by r.createdAt desc, r.resourceId desc", String.class)
        .setParameter("sdk", m.sdkId).setParameter("type", SdkResource.SDK_PACKAGE)
        .setMaxResults(1).getResultList().stream().findFirst()
        .orElseThrow(() -> ApiException.notFound("light module " + id + " has nothing to download yet: its SDK "
            + m.sdkId + " has no package (a resource of type 3)"));
  }

  private LightModule visible(Session s, String id, Viewer viewer) {
    LightModule m = find(s, id);
    if (!viewer.seesInternal() && s.find(Sdk.class, m.sdkId).internalOnly()) {
      throw ApiException.notFound("no light module " + id);
    }
    return m;
  }

  private void apply(Session s, LightModule m, LightModulePatch p) {
    if (p.name() != null) {
      m.name = p.name();
    }
    if (p.categoryId() != null) {
      m.categoryId = Lookup.require(s, LightModuleCategory.class, p.categoryId(), "light-module category (moduleCategoryId)").categoryId;
    }
    if (p.sdkId() != null) {
      Sdk k = Lookup.require(s, Sdk.class, p.sdkId(), "SDK (sdkId)");
      if (k.type != Sdk.LIGHT_APP) {
        throw ApiException.rule("SDK " + k.sdkId + " (" + k.name + ") is not a light-app SDK (type " + k.type
            + "); a light module needs an SDK of type 1");
      }
      m.sdkId = k.sdkId;
    }
    if (p.picUrl() != null) {
      m.picUrl = p.picUrl();
    }
    if (p.docId() != null) {
      m.docId = Lookup.require(s, Doc.class, p.docId(), "doc (docId)").docId;
    }
    if (p.desc() != null) {
      m.desc = p.desc();
    }
    if (p.type() != null) {
      m.type = p.type();
    }
    m.updatedAt = sc.now();
  }
}

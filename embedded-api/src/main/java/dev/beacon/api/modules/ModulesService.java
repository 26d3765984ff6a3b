package dev.beacon.api.modules;

import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.ServerContext;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** What can be done with an app's modules. Every method runs inside a transaction the caller opened. */
final class ModulesService {
  /** The {@code orderBy} columns of the module list and the properties they sort by. */
  static final Map<String, String> ORDER_COLUMNS = Map.of("name", "name", "create_date", "createdAt");
  static final String DEFAULT_ORDER = "create_date:desc";

  private final ServerContext sc;

  ModulesService(ServerContext sc) {
    this.sc = sc;
  }

  /** One page of the list and the number of modules before paging. */
  record Listing(long totalCount, List<AppModule> modules) {}

  AppModule create(Session s, String openId, String appId, ModulePatch patch) {
    AppAccess.owned(s, openId, appId);
    AppModule m = new AppModule();
    m.moduleId = Ids.newId();
    m.appId = appId;
    patch.applyTo(m);
    m.createdAt = sc.now();
    m.updatedAt = m.createdAt;
    s.persist(m);
    return m;
  }

  AppModule update(Session s, String openId, String appId, String moduleId, ModulePatch patch) {
    AppModule m = get(s, openId, appId, moduleId);
    patch.applyTo(m);
    m.updatedAt = sc.now();
    return m;
  }

  /** Deletes the module; the schema's cascading foreign key removes its versions with it. */
  void delete(Session s, String openId, String appId, String moduleId) {
    s.remove(get(s, openId, appId, moduleId));
  }

  /** The module of the developer's app, or 4004. */
  AppModule get(Session s, String openId, String appId, String moduleId) {
    AppAccess.owned(s, openId, appId);
    return inApp(s, appId, moduleId);
  }

  /** The module if it belongs to the app, else 4004 (a module of another app is not disclosed). */
  static AppModule inApp(Session s, String appId, String moduleId) {
    AppModule m = moduleId == null ? null : s.find(AppModule.class, moduleId);
    if (m == null || !m.appId.equals(appId)) {
      throw ApiException.notFound("no module " + moduleId + " in app " + appId);
    }
    return m;
  }

  Listing list(Session s, String openId, String appId, Paging paging) {
    AppAccess.owned(s, openId, appId);
    long total = s.createSelectionQuery("select count(m) from AppModule m where m.appId = :app", Long.class)
        .setParameter("app", appId).getSingleResult();
    List<AppModule> page = s.createSelectionQuery(
            "from AppModule m where m.appId = :app order by " + paging.orderBy("m") + ", m.moduleId", AppModule.class)
        .setParameter("app", appId)
        .setFirstResult(paging.offset())
        .setMaxResults(paging.pageSize())
        .getResultList();
    return new Listing(total, page);
  }
}

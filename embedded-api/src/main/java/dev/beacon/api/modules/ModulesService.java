package dev.beacon.api.modules;

import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.ListQuery;
import dev.beacon.api.core.Ordering;
import dev.beacon.api.core.Page;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.ServerContext;
import org.hibernate.Session;

/** What can be done with an app's modules. Every method runs inside a transaction the caller opened. */
final class ModulesService {
  /** The order of the module list: by name or creation, newest first unless asked otherwise. */
  static final Ordering ORDER = Ordering.byNameOrCreation("moduleId");

  private final ServerContext sc;

  ModulesService(ServerContext sc) {
    this.sc = sc;
  }

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

  Page<AppModule> list(Session s, String openId, String appId, Paging paging) {
    AppAccess.owned(s, openId, appId);
    return ListQuery.of(AppModule.class, "m").equal("m.appId", appId).page(s, AppModule.class, paging);
  }
}

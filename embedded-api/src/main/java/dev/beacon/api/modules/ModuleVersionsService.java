package dev.beacon.api.modules;

import dev.beacon.api.core.Page;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.releases.PackagePatch;
import dev.beacon.api.releases.ReleaseAction;
import dev.beacon.api.releases.VersionDetails;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import dev.beacon.api.releases.VersionStore;
import java.util.List;
import org.hibernate.Session;

/**
 * What can be done with a module's versions; the rules are the app versions' own
 * ({@link VersionStore}). Every method runs inside a transaction the caller opened.
 */
final class ModuleVersionsService {
  private final ServerContext sc;
  private final ModulesService modules;
  private final VersionStore<ModuleVersion> store = new VersionStore<>(ModuleVersion.class, "moduleId", "module");

  ModuleVersionsService(ServerContext sc, ModulesService modules) {
    this.sc = sc;
    this.modules = modules;
  }

  ModuleVersion create(Session s, String openId, String appId, String moduleId, PackagePatch patch) {
    modules.get(s, openId, appId, moduleId);
    ModuleVersion v = new ModuleVersion();
    v.moduleId = moduleId;
    return store.insert(s, v, patch.resolve(s, openId), sc.now());
  }

  ModuleVersion update(Session s, String openId, String appId, String moduleId, String versionId, PackagePatch patch) {
    ModuleVersion v = get(s, openId, appId, moduleId, versionId);
    return store.update(s, v, patch.resolve(s, openId), sc.now());
  }

  void delete(Session s, String openId, String appId, String moduleId, String versionId) {
    s.remove(get(s, openId, appId, moduleId, versionId));
  }

  /** The version of the developer's module, or 4004. */
  ModuleVersion get(Session s, String openId, String appId, String moduleId, String versionId) {
    modules.get(s, openId, appId, moduleId);
    return store.find(s, moduleId, versionId);
  }

  Page<ModuleVersion> list(Session s, String openId, String appId, String moduleId, Paging paging) {
    modules.get(s, openId, appId, moduleId);
    return store.list(s, moduleId, paging);
  }

  /** Carries out a release action (releasing needs a url; an md5 is optional) and records it in the history. */
  ModuleVersion act(Session s, String openId, String appId, String moduleId, String versionId, ReleaseAction action) {
    ModuleVersion v = get(s, openId, appId, moduleId, versionId);
    return store.act(s, v, action, openId, sc.now());
  }

  /** The version with its packages and history, as answers show it. */
  JsonObject json(Session s, ModuleVersion v) {
    return ModuleJson.of(v, store.details(s, List.of(v)));
  }

  /** Versions with their packages and history, as answers show them. */
  JsonArray json(Session s, List<ModuleVersion> page) {
    VersionDetails d = store.details(s, page);
    return new JsonArray(page.stream().map(v -> ModuleJson.of(v, d)).toList());
  }

  /** The version's release history, oldest first. */
  JsonArray history(Session s, ModuleVersion v) {
    return store.details(s, List.of(v)).historyJson(v.versionId);
  }

  /** The module's released versions, highest code first. */
  List<ModuleVersion> released(Session s, String moduleId) {
    return store.released(s, moduleId);
  }
}

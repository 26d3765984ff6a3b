package dev.beacon.api.releases;

import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.Page;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.ServerContext;
import java.util.List;
import org.hibernate.Session;

/** What can be done with an app's versions. Every method runs inside a transaction the caller opened. */
final class VersionsService {
  private final ServerContext sc;
  private final VersionStore<AppVersion> store = new VersionStore<>(AppVersion.class, "appId", "app");

  VersionsService(ServerContext sc) {
    this.sc = sc;
  }

  AppVersion create(Session s, String openId, String appId, VersionPatch patch) {
    AppAccess.owned(s, openId, appId);
    AppVersion v = new AppVersion();
    v.appId = appId;
    patch.applyExtrasTo(v);
    return store.insert(s, v, patch.pkg().resolve(s, openId), sc.now());
  }

  AppVersion update(Session s, String openId, String appId, String versionId, VersionPatch patch) {
    AppVersion v = get(s, openId, appId, versionId);
    patch.applyExtrasTo(v);
    return store.update(s, v, patch.pkg().resolve(s, openId), sc.now());
  }

  void delete(Session s, String openId, String appId, String versionId) {
    s.remove(get(s, openId, appId, versionId));
  }

  /** The version of the developer's app, or 4004. */
  AppVersion get(Session s, String openId, String appId, String versionId) {
    AppAccess.owned(s, openId, appId);
    return store.find(s, appId, versionId);
  }

  Page<AppVersion> list(Session s, String openId, String appId, Paging paging) {
    AppAccess.owned(s, openId, appId);
    return store.list(s, appId, paging);
  }

  /** Carries out a release action (releasing needs a url and an md5) and records it in the history. */
  AppVersion act(Session s, String openId, String appId, String versionId, ReleaseAction action) {
    AppVersion v = get(s, openId, appId, versionId);
    return store.act(s, v, action, openId, sc.now());
  }

  /** The version with its packages and history, as answers show it. */
  io.vertx.core.json.JsonObject json(Session s, AppVersion v) {
    return VersionJson.of(v, store.details(s, List.of(v)));
  }

  /** A page of versions with their packages and history, as answers show them. */
  io.vertx.core.json.JsonArray json(Session s, List<AppVersion> page) {
    VersionDetails d = store.details(s, page);
    return new io.vertx.core.json.JsonArray(page.stream().map(v -> VersionJson.of(v, d)).toList());
  }

  /** The app's released versions (rolling, released or halted), highest code first. */
  List<AppVersion> released(Session s, String appId) {
    return store.released(s, appId);
  }
}

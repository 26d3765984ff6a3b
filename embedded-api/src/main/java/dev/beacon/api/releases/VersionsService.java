package dev.beacon.api.releases;

import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.ServerContext;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** What can be done with an app's versions. Every method runs inside a transaction the caller opened. */
final class VersionsService {
  /** The {@code orderBy} columns of the version list and the properties they sort by. */
  static final Map<String, String> ORDER_COLUMNS = Map.of("name", "name", "create_date", "createdAt", "code", "code");
  static final String DEFAULT_ORDER = "code:desc";

  private final ServerContext sc;

  VersionsService(ServerContext sc) {
    this.sc = sc;
  }

  /** One page of the list and the number of versions before paging. */
  record Listing(long totalCount, List<AppVersion> versions) {}

  AppVersion create(Session s, String openId, String appId, VersionPatch patch) {
    AppAccess.owned(s, openId, appId);
    checkCodeFree(s, appId, patch.code(), null);
    AppVersion v = new AppVersion();
    v.versionId = Ids.newId();
    v.appId = appId;
    patch.applyTo(v);
    v.createdAt = sc.now();
    v.updatedAt = v.createdAt;
    s.persist(v);
    return v;
  }

  AppVersion update(Session s, String openId, String appId, String versionId, VersionPatch patch) {
    AppVersion v = get(s, openId, appId, versionId);
    if (patch.code() != null && patch.code() != v.code) {
      checkCodeFree(s, appId, patch.code(), versionId);
    }
    patch.applyTo(v);
    if (v.released && !v.hasPackage()) {
      throw ApiException.rule("a released version needs a url and an md5; disable it before clearing them");
    }
    v.updatedAt = sc.now();
    return v;
  }

  void delete(Session s, String openId, String appId, String versionId) {
    s.remove(get(s, openId, appId, versionId));
  }

  /** The version of the developer's app, or 4004. */
  AppVersion get(Session s, String openId, String appId, String versionId) {
    AppAccess.owned(s, openId, appId);
    AppVersion v = versionId == null ? null : s.find(AppVersion.class, versionId);
    if (v == null || !v.appId.equals(appId)) {
      throw ApiException.notFound("no version " + versionId + " in app " + appId);
    }
    return v;
  }

  Listing list(Session s, String openId, String appId, Paging paging) {
    AppAccess.owned(s, openId, appId);
    long total = s.createSelectionQuery("select count(v) from AppVersion v where v.appId = :app", Long.class)
        .setParameter("app", appId).getSingleResult();
    List<AppVersion> page = s.createSelectionQuery(
            "from AppVersion v where v.appId = :app order by " + paging.orderBy("v") + ", v.versionId", AppVersion.class)
        .setParameter("app", appId)
        .setFirstResult(paging.offset())
        .setMaxResults(paging.pageSize())
        .getResultList();
    return new Listing(total, page);
  }

  /** Releases the version (it must have a url and an md5) or takes it back. */
  AppVersion setReleased(Session s, String openId, String appId, String versionId, boolean released) {
    AppVersion v = get(s, openId, appId, versionId);
    if (released && !v.hasPackage()) {
      throw ApiException.rule("version " + v.name + " cannot be released without a url and an md5 of its package");
    }
    if (v.released != released) {
      v.released = released;
      v.releasedAt = released ? sc.now() : null;
      v.updatedAt = sc.now();
    }
    return v;
  }

  /** The app's released versions, highest code first. */
  List<AppVersion> released(Session s, String appId) {
    return s.createSelectionQuery("from AppVersion v where v.appId = :app and v.released = true order by v.code desc", AppVersion.class)
        .setParameter("app", appId)
        .getResultList();
  }

  private static void checkCodeFree(Session s, String appId, int code, String exceptVersionId) {
    List<String> taken = s.createSelectionQuery(
            "select v.versionId from AppVersion v where v.appId = :app and v.code = :code", String.class)
        .setParameter("app", appId)
        .setParameter("code", code)
        .getResultList();
    if (taken.stream().anyMatch(id -> !id.equals(exceptVersionId))) {
      throw ApiException.rule("the app already has a version with code " + code + "; codes are unique within an app");
    }
  }
}

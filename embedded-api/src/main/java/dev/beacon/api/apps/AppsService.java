package dev.beacon.api.apps;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.Ordering;
import dev.beacon.api.core.Page;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.ServerContext;
import org.hibernate.Session;

/** What can be done with apps. Every method runs inside a transaction the caller opened. */
final class AppsService {
  /** The order of the app lists: by name or creation, newest first unless asked otherwise. */
  static final Ordering ORDER = Ordering.byNameOrCreation("appId");

  private final ServerContext sc;

  AppsService(ServerContext sc) {
    this.sc = sc;
  }

  App create(Session s, String openId, AppPatch patch) {
    App a = new App();
    a.appId = Ids.newId();
    a.openId = openId;
    a.name = patch.name();
    a.platform = patch.platform();
    a.desc = patch.desc();
    a.icon = patch.icon();
    a.timeZone = patch.timeZone();
    a.appKey = Ids.randomHex(8);
    a.secret = Ids.randomHex(32);
    a.sentryKey = Ids.randomHex(16);
    a.sentryProjectId = nextProjectId(s);
    a.status = App.ACTIVE;
    a.createdAt = sc.now();
    a.updatedAt = a.createdAt;
    s.persist(a);
    return a;
  }

  App update(Session s, String openId, String appId, AppPatch patch) {
    App a = AppAccess.owned(s, openId, appId);
    if (patch.platform() != null && patch.platform() != a.platform) {
      throw ApiException.badParameter("platform cannot be edited (the app's platform is " + a.platform + ")");
    }
    if (patch.name() != null) {
      a.name = patch.name();
    }
    if (patch.desc() != null) {
      a.desc = patch.desc();
    }
    if (patch.icon() != null) {
      a.icon = patch.icon();
    }
    if (patch.timeZone() != null) {
      a.timeZone = patch.timeZone();
    }
    a.updatedAt = sc.now();
    return a;
  }

  /**
   * A new public key for the app's DSN: the old one is refused from now on. The project number
   * stays.
   */
  App rotateDsn(Session s, String openId, String appId) {
    App a = AppAccess.owned(s, openId, appId);
    a.sentryKey = Ids.randomHex(16);
    a.updatedAt = sc.now();
    return a;
  }

  /**
   * The next DSN project number: one past the largest given so far. Two apps created at the same
   * instant may both pick it; the unique constraint refuses the second (409, try again).
   */
  private static int nextProjectId(Session s) {
    Integer max = s.createSelectionQuery("select max(a.sentryProjectId) from App a", Integer.class).getSingleResult();
    return max == null ? 1 : max + 1;
  }

  /** Deletes the app; the schema's cascading foreign keys remove everything stored under it. */
  void delete(Session s, String openId, String appId) {
    s.remove(AppAccess.owned(s, openId, appId));
  }

  App get(Session s, String openId, String appId) {
    return AppAccess.owned(s, openId, appId);
  }

  Page<App> list(Session s, AppFilter filter, Paging paging) {
    return filter.query().page(s, App.class, paging);
  }

  /** Freezes ({@link App#FROZEN}) or unfreezes ({@link App#ACTIVE}) any app: an admin's action. */
  App setStatus(Session s, String appId, int status) {
    App a = s.find(App.class, appId);
    if (a == null) {
      throw ApiException.notFound("no app " + appId);
    }
    if (a.status != status) {
      a.status = status;
      a.updatedAt = sc.now();
    }
    return a;
  }
}

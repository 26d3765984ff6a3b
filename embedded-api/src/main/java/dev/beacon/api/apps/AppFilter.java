package dev.beacon.api.apps;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.DateRange;
import dev.beacon.api.core.ListQuery;
import dev.beacon.api.core.Params;

/**
 * The search filters of the app lists: owner, name (case-insensitive substring), platform, and a
 * creation period given by {@code startCreateDate} and {@code endCreateDate} together.
 */
record AppFilter(String openId, String name, Integer platform, DateRange created) {

  /** The developer's own list: the owner is the caller. */
  static AppFilter forOwner(String openId, Params p) {
    return parse(openId, p);
  }

  /** The admin list: the owner is an optional {@code openId} filter. */
  static AppFilter forAdmin(Params p) {
    return parse(p.get("openId"), p);
  }

  private static AppFilter parse(String openId, Params p) {
    Integer platform = p.getInt("platform");
    if (platform != null) {
      AppPatch.checkPlatform("platform", platform);
    }
    if ((p.get("startCreateDate") == null) != (p.get("endCreateDate") == null)) {
      throw ApiException.badParameter("startCreateDate and endCreateDate must be given together");
    }
    return new AppFilter(openId, p.get("name"), platform, DateRange.of(p, "startCreateDate", "endCreateDate"));
  }

  /** The apps that pass the filters, under alias {@code a}. */
  ListQuery query() {
    return ListQuery.of(App.class, "a")
        .equal("a.openId", openId)
        .contains(name, "a.name")
        .equal("a.platform", platform)
        .between("a.createdAt", created.from(), created.to());
  }
}

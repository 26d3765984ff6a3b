package dev.beacon.api.errors;

import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.ListQuery;
import dev.beacon.api.core.Ordering;
import dev.beacon.api.core.Page;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import java.time.Instant;
import java.util.Map;
import org.hibernate.Session;

/**
 * The filters of {@code GET /v1/user/{openId}/logs}, over both sources of errors and only ever the
 * caller's apps. {@code after} and {@code before} (the seed also writes {@code bebofe}) are epoch
 * seconds and both inclusive: {@code after=T} keeps errors from the start of second T,
 * {@code before=T} those up to the end of second T.
 */
record ErrorLogQuery(String openId, String appId, String appVersion, String appPackage,
    Instant from, Instant until, Paging paging) {
  /** 9999-12-31T23:59:59Z: larger values are almost always milliseconds sent by mistake. */
  static final long MAX_EPOCH_SECOND = 253_402_300_799L;

  /** The order of error lists: by creation time, newest first unless asked otherwise. */
  static final Ordering ORDER =
      Ordering.of(Map.of("createDate", "createdAt", "create_date", "createdAt"), "createDate:desc", "id").tiesAsOrdered();

  static ErrorLogQuery of(String openId, Params p) {
    Long after = epochSeconds(p, "after");
    Long before = epochSeconds(p, p.get("before") != null ? "before" : "bebofe");
    return new ErrorLogQuery(openId, p.get("appId"), p.get("appVersion"), p.get("appPackage"),
        after == null ? null : Instant.ofEpochSecond(after),
        before == null ? null : Instant.ofEpochSecond(before + 1),
        Paging.from(p, ORDER));
  }

  private static Long epochSeconds(Params p, String name) {
    Long v = p.getLong(name);
    if (v != null && (v < 0 || v > MAX_EPOCH_SECOND)) {
      throw ApiException.badParameter(name + " must be a time in epoch seconds (not milliseconds) between 0 and "
          + MAX_EPOCH_SECOND + ", got " + v);
    }
    return v;
  }

  /** Runs the count and the page; an {@code appId} that is not the caller's is a 4004. */
  Page<ErrorEvent> run(Session s) {
    ListQuery q = ListQuery.of(ErrorEvent.class, "e");
    if (appId != null) {
      AppAccess.owned(s, openId, appId);
      q.equal("e.appId", appId);
    } else {
      q.where("e.appId in (select a.appId from App a where a.openId = :openId)", "openId", openId);
    }
    return q.equal("e.appVersion", appVersion)
        .equal("e.appPackage", appPackage)
        .atLeast("e.createdAt", from)
        .below("e.createdAt", until)
        .page(s, ErrorEvent.class, paging);
  }
}

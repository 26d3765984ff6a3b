package dev.beacon.api.errors;

import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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

  private static final Map<String, String> ORDER_COLUMNS = Map.of("createDate", "createdAt", "create_date", "createdAt");

  /** One page of errors and the number of all that match. */
  record Page(long totalCount, List<ErrorEvent> events) {}

  static ErrorLogQuery of(String openId, Params p) {
    Long after = epochSeconds(p, "after");
    Long before = epochSeconds(p, p.get("before") != null ? "before" : "bebofe");
    return new ErrorLogQuery(openId, p.get("appId"), p.get("appVersion"), p.get("appPackage"),
        after == null ? null : Instant.ofEpochSecond(after),
        before == null ? null : Instant.ofEpochSecond(before + 1),
        Paging.from(p, ORDER_COLUMNS, "createDate:desc"));
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
  Page run(Session s) {
    StringBuilder where = new StringBuilder();
    Map<String, Object> args = new HashMap<>();
    if (appId != null) {
      AppAccess.owned(s, openId, appId);
      where.append(" where e.appId = :appId");
      args.put("appId", appId);
    } else {
      where.append(" where e.appId in (select a.appId from App a where a.openId = :openId)");
      args.put("openId", openId);
    }
    if (appVersion != null) {
      where.append(" and e.appVersion = :appVersion");
      args.put("appVersion", appVersion);
    }
    if (appPackage != null) {
      where.append(" and e.appPackage = :appPackage");
      args.put("appPackage", appPackage);
    }
    if (from != null) {
      where.append(" and e.createdAt >= :from");
      args.put("from", from);
    }
    if (until != null) {
      where.append(" and e.createdAt < :until");
      args.put("until", until);
    }
    var count = s.createSelectionQuery("select count(e) from ErrorEvent e" + where, Long.class);
    var page = s.createSelectionQuery("from ErrorEvent e" + where + " order by " + paging.orderBy("e")
        + ", e.id" + (paging.ascending() ? " asc" : " desc"), ErrorEvent.class);
    args.forEach((k, v) -> {
      count.setParameter(k, v);
      page.setParameter(k, v);
    });
    List<ErrorEvent> events = page.setFirstResult(paging.offset()).setMaxResults(paging.pageSize()).getResultList();
    return new Page(count.getSingleResult(), events);
  }
}

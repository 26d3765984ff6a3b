package dev.beacon.api.apps;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search filters of the app lists: owner, name (case-insensitive substring), platform, and a
 * creation period given by {@code startCreateDate} and {@code endCreateDate} together.
 */
record AppFilter(String openId, String name, Integer platform, Instant createdFrom, Instant createdTo) {

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
    String start = p.get("startCreateDate");
    String end = p.get("endCreateDate");
    if ((start == null) != (end == null)) {
      throw ApiException.badParameter("startCreateDate and endCreateDate must be given together");
    }
    Instant from = start == null ? null : Dates.parseBound("startCreateDate", start, false);
    Instant to = end == null ? null : Dates.parseBound("endCreateDate", end, true);
    if (from != null && from.isAfter(to)) {
      throw ApiException.badParameter("startCreateDate must not be after endCreateDate");
    }
    return new AppFilter(openId, p.get("name"), platform, from, to);
  }

  /** The HQL {@code where} clause over alias {@code a} (with a leading space), empty when nothing is filtered. */
  String where() {
    List<String> terms = new ArrayList<>();
    parameters().keySet().forEach(k -> terms.add(switch (k) {
      case "openId" -> "a.openId = :openId";
      case "name" -> "lower(a.name) like :name escape '!'";
      case "platform" -> "a.platform = :platform";
      case "createdFrom" -> "a.createdAt >= :createdFrom";
      case "createdTo" -> "a.createdAt <= :createdTo";
      default -> throw new IllegalStateException(k);
    }));
    return terms.isEmpty() ? "" : " where " + String.join(" and ", terms);
  }

  /** The values to bind to the condition's parameters. */
  Map<String, Object> parameters() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (openId != null) {
      m.put("openId", openId);
    }
    if (name != null) {
      m.put("name", "%" + likeEscape(name.toLowerCase(Locale.ROOT)) + "%");
    }
    if (platform != null) {
      m.put("platform", platform);
    }
    if (createdFrom != null) {
      m.put("createdFrom", createdFrom);
      m.put("createdTo", createdTo);
    }
    return m;
  }

  private static String likeEscape(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}

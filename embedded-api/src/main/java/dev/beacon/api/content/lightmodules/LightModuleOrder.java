package dev.beacon.api.content.lightmodules;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Ordering;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import java.util.HashMap;
import java.util.Map;

/**
 * The light-module list's paging and order: {@code orderAttr} (createDate, updateDate or name;
 * default createDate) and {@code orderType} (asc or desc; default desc), as the seed says,
 * instead of {@code orderBy}.
 */
final class LightModuleOrder {
  static final Map<String, String> ATTRIBUTES = Map.of("createDate", "createdAt", "updateDate", "updatedAt", "name", "name");
  private static final Ordering ORDER = Ordering.of(ATTRIBUTES, "createDate:desc", "lightModuleId");

  private LightModuleOrder() {}

  static Paging paging(Params p) {
    String attr = p.get("orderAttr") == null ? "createDate" : p.get("orderAttr");
    String type = p.get("orderType") == null ? "desc" : p.get("orderType").toLowerCase();
    if (!ATTRIBUTES.containsKey(attr)) {
      throw ApiException.badParameter("orderAttr must be one of "
          + String.join(", ", ATTRIBUTES.keySet().stream().sorted().toList()) + ", got '" + attr + "'");
    }
    if (!type.equals("asc") && !type.equals("desc")) {
      throw ApiException.badParameter("orderType must be asc or desc, got '" + p.get("orderType") + "'");
    }
    Map<String, String> m = new HashMap<>();
    m.put("orderBy", attr + ":" + type);
    for (String name : new String[] {"pageNo", "pageSize"}) {
      if (p.get(name) != null) {
        m.put(name, p.get(name));
      }
    }
    return Paging.from(Params.of(m), ORDER);
  }
}

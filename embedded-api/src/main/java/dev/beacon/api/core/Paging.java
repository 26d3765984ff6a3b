package dev.beacon.api.core;

import java.util.Map;

/**
 * {@code pageNo} (default 1, at least 1), {@code pageSize} (default 30, 1..100) and
 * {@code orderBy=column:asc|desc} limited to the columns a list allows.
 */
public record Paging(int pageNo, int pageSize, String orderProperty, boolean ascending) {
  public static final int DEFAULT_SIZE = 30;
  public static final int MAX_SIZE = 100;

  /**
   * @param columns the {@code orderBy} column names this list accepts, mapped to the entity
   *     property they sort by
   * @param defaultOrder the order when none is given, written as {@code column:asc|desc}
   */
  public static Paging from(Params p, Map<String, String> columns, String defaultOrder) {
    return from(p, columns, defaultOrder, DEFAULT_SIZE);
  }

  /** Like {@link #from(Params, Map, String)} for a list whose page size defaults to {@code defaultSize}. */
  public static Paging from(Params p, Map<String, String> columns, String defaultOrder, int defaultSize) {
    Integer no = p.getInt("pageNo");
    Integer size = p.getInt("pageSize");
    if (no != null && no < 1) {
      throw ApiException.badParameter("pageNo must be 1 or more, got " + no);
    }
    if (size != null && (size < 1 || size > MAX_SIZE)) {
      throw ApiException.badParameter("pageSize must be between 1 and " + MAX_SIZE + ", got " + size);
    }
    String order = p.get("orderBy") == null ? defaultOrder : p.get("orderBy");
    String[] parts = order.split(":", -1);
    String column = parts[0].trim();
    String direction = parts.length > 1 ? parts[1].trim().toLowerCase() : "asc";
    String property = columns.get(column);
    if (property == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
      throw ApiException.badParameter("orderBy must be column:asc or column:desc with column one of "
          + String.join(", ", columns.keySet().stream().sorted().toList()) + ", got '" + Params.abbreviate(order) + "'");
    }
    return new Paging(no == null ? 1 : no, size == null ? defaultSize : size, property, direction.equals("asc"));
  }

  public int offset() {
    long off = (long) (pageNo - 1) * pageSize;
    return off > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) off;
  }

  /** An HQL {@code order by} clause over the alias, e.g. {@code a.createdAt desc}. */
  public String orderBy(String alias) {
    return alias + "." + orderProperty + (ascending ? " asc" : " desc");
  }
}

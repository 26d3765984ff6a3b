package dev.beacon.api.core;

/**
 * {@code pageNo} (default 1, at least 1), {@code pageSize} (default 30, 1..100) and
 * {@code orderBy=column:asc|desc} limited to the columns of the list's {@link Ordering}, with the
 * ordering's tie-breaker after the requested column.
 */
public record Paging(int pageNo, int pageSize, String orderProperty, boolean ascending,
    String tieBreaker, boolean tieAscending) {
  public static final int DEFAULT_SIZE = 30;
  public static final int MAX_SIZE = 100;

  /** The request's page and order; a bad value is a 4000 that says what is allowed. */
  public static Paging from(Params p, Ordering ordering) {
    return from(p, ordering, DEFAULT_SIZE);
  }

  /** Like {@link #from(Params, Ordering)} for a list whose page size defaults to {@code defaultSize}. */
  public static Paging from(Params p, Ordering ordering, int defaultSize) {
    Integer no = p.getInt("pageNo");
    Integer size = p.getInt("pageSize");
    if (no != null && no < 1) {
      throw ApiException.badParameter("pageNo must be 1 or more, got " + no);
    }
    if (size != null && (size < 1 || size > MAX_SIZE)) {
      throw ApiException.badParameter("pageSize must be between 1 and " + MAX_SIZE + ", got " + size);
    }
    String order = p.get("orderBy") == null ? ordering.defaultOrder() : p.get("orderBy");
    String[] parts = order.split(":", -1);
    String column = parts[0].trim();
    String direction = parts.length > 1 ? parts[1].trim().toLowerCase() : "asc";
    String property = ordering.columns().get(column);
    if (property == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
      throw ApiException.badParameter("orderBy must be column:asc or column:desc with column one of "
          + ordering.columnList() + ", got '" + Params.abbreviate(order) + "'");
    }
    boolean ascending = direction.equals("asc");
    boolean tieAscending = switch (ordering.tie()) {
      case ASCENDING -> true;
      case DESCENDING -> false;
      case AS_ORDERED -> ascending;
    };
    return new Paging(no == null ? 1 : no, size == null ? defaultSize : size, property, ascending,
        ordering.tieBreaker(), tieAscending);
  }

  public int offset() {
    long off = (long) (pageNo - 1) * pageSize;
    return off > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) off;
  }

  /** The HQL {@code order by} terms over the alias, e.g. {@code a.createdAt desc, a.appId asc}. */
  public String orderBy(String alias) {
    return alias + "." + orderProperty + (ascending ? " asc" : " desc")
        + ", " + alias + "." + tieBreaker + (tieAscending ? " asc" : " desc");
  }
}

package dev.beacon.api.errors;

import dev.beacon.api.core.Paging;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * An HQL {@code where} clause grown from optional filters, and the two queries every list needs
 * over it: the count of all matches and one ordered page.
 */
final class Filter {
  private final StringBuilder where = new StringBuilder();
  private final Map<String, Object> args = new HashMap<>();

  /** Adds a condition with one named parameter. */
  Filter and(String condition, String name, Object value) {
    where.append(where.length() == 0 ? " where " : " and ").append(condition);
    args.put(name, value);
    return this;
  }

  /** One page of matches and the number of all of them. */
  record Page<T>(long totalCount, List<T> items) {}

  /**
   * Counts the matches of {@code from <entity> <alias>} and reads one page in the paging's order,
   * ties broken by {@code tieBreaker} in the same direction.
   */
  <T> Page<T> page(Session s, Class<T> entity, String alias, Paging paging, String tieBreaker) {
    String from = "from " + entity.getSimpleName() + " " + alias + where;
    var count = s.createSelectionQuery("select count(" + alias + ") " + from, Long.class);
    var page = s.createSelectionQuery(from + " order by " + paging.orderBy(alias) + ", " + alias + "." + tieBreaker
        + (paging.ascending() ? " asc" : " desc"), entity);
    args.forEach((k, v) -> {
      count.setParameter(k, v);
      page.setParameter(k, v);
    });
    List<T> items = page.setFirstResult(paging.offset()).setMaxResults(paging.pageSize()).getResultList();
    return new Page<>(count.getSingleResult(), items);
  }
}

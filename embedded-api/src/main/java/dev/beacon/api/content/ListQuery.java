package dev.beacon.api.content;

import dev.beacon.api.core.Paging;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * One HQL list with optional filters: the matches before paging and one page of them. Filters
 * whose value is {@code null} are left out.
 */
public final class ListQuery {
  private final String alias;
  private final String from;
  private final List<String> terms = new ArrayList<>();
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  /**
   * @param alias the alias of the counted entity
   * @param from the {@code from} clause with its joins, e.g. {@code from Doc d}
   */
  public ListQuery(String alias, String from) {
    this.alias = alias;
    this.from = from;
  }

  /** One page of a list and the number of matches before paging. */
  public record Page<T>(long total, List<T> items) {}

  /** Adds {@code term} (which uses {@code :param}) when {@code value} is not {@code null}. */
  public ListQuery and(String term, String param, Object value) {
    if (value != null) {
      terms.add(term);
      parameters.put(param, value);
    }
    return this;
  }

  /** A case-insensitive substring match of {@code property} when {@code text} is not {@code null}. */
  public ListQuery andContains(String property, String param, String text) {
    String pattern = text == null ? null : "%" + likeEscape(text.toLowerCase(Locale.ROOT)) + "%";
    return and("lower(" + property + ") like :" + param + " escape '!'", param, pattern);
  }

  /**
   * Counts the matches and reads one page.
   *
   * @param select the {@code select} clause, or {@code null} to read the entity of the alias
   * @param orderBy the {@code order by} terms
   */
  public <T> Page<T> page(Session s, String select, Class<T> type, String orderBy, Paging paging) {
    String where = terms.isEmpty() ? "" : " where " + String.join(" and ", terms);
    SelectionQuery<Long> count = s.createSelectionQuery("select count(" + alias + ") " + from + where, Long.class);
    SelectionQuery<T> page = s.createSelectionQuery(
        (select == null ? "" : select + " ") + from + where + " order by " + orderBy, type);
    parameters.forEach((k, v) -> {
      count.setParameter(k, v);
      page.setParameter(k, v);
    });
    List<T> items = page.setFirstResult(paging.offset()).setMaxResults(paging.pageSize()).getResultList();
    return new Page<>(count.getSingleResult(), items);
  }

  private static String likeEscape(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}

package dev.beacon.api.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * One HQL list: an entity (with optional joins), optional filters, and one page of the matches in
 * the {@link Paging}'s order with the number of all matches. A filter whose value is {@code null}
 * is left out, so a request's absent parameters need no branches. Values are always bound as
 * parameters, never written into the query; only the properties, which come from the code, are.
 *
 * <pre>{@code
 * ListQuery.of(App.class, "a").equal("a.openId", openId).contains(name, "a.name")
 *     .between("a.createdAt", from, to).page(s, App.class, paging);
 * }</pre>
 */
public final class ListQuery {
  /** The escape character of the LIKE patterns {@link #contains} writes. */
  static final char LIKE_ESCAPE = '!';

  private final String alias;
  private final StringBuilder from;
  private String select;
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  private ListQuery(String alias, String from) {
    this.alias = alias;
    this.from = new StringBuilder(from);
  }

  /** The list of {@code entity} under {@code alias}, which the filters and the order use. */
  public static ListQuery of(Class<?> entity, String alias) {
    return new ListQuery(alias, "from " + entity.getSimpleName() + " " + alias);
  }

  /** Adds a join, e.g. {@code join Sdk k on k.sdkId = m.sdkId}. */
  public ListQuery join(String join) {
    from.append(' ').append(join);
    return this;
  }

  /** Reads {@code select} (e.g. {@code select m, k.name}) instead of the entity of the alias. */
  public ListQuery select(String select) {
    this.select = select;
    return this;
  }

  /** {@code property = value}. */
  public ListQuery equal(String property, Object value) {
    return compare(property, "=", value);
  }

  /** {@code property <> value}. */
  public ListQuery notEqual(String property, Object value) {
    return compare(property, "<>", value);
  }

  /** {@code property >= bound}. */
  public ListQuery atLeast(String property, Object bound) {
    return compare(property, ">=", bound);
  }

  /** {@code property <= bound}. */
  public ListQuery atMost(String property, Object bound) {
    return compare(property, "<=", bound);
  }

  /** {@code property < bound}. */
  public ListQuery below(String property, Object bound) {
    return compare(property, "<", bound);
  }

  /** {@code from <= property <= to}; either bound may be {@code null} (no limit on that side). */
  public ListQuery between(String property, Object from, Object to) {
    return atLeast(property, from).atMost(property, to);
  }

  /** {@code property} is one of {@code values}; an empty collection matches nothing. */
  public ListQuery in(String property, Collection<?> values) {
    if (values != null && values.isEmpty()) {
      conditions.add("1 = 0");
      return this;
    }
    return compare(property, "in", values);
  }

  /**
   * {@code text} appears in at least one of the properties, ignoring case. {@code %}, {@code _}
   * and the escape character in the text match only themselves.
   */
  public ListQuery contains(String text, String... properties) {
    if (text == null) {
      return this;
    }
    String name = bind(likeContains(text));
    List<String> terms = new ArrayList<>();
    for (String property : properties) {
      terms.add("lower(" + property + ") like :" + name + " escape '" + LIKE_ESCAPE + "'");
    }
    conditions.add(terms.size() == 1 ? terms.get(0) : "(" + String.join(" or ", terms) + ")");
    return this;
  }

  /**
   * Any other condition, with one named parameter (e.g. a subquery:
   * {@code exists (select 1 from IssueVersion v where v.issueId = i.issueId and v.appVersion = :version)}),
   * left out when {@code value} is {@code null}.
   */
  public ListQuery where(String condition, String parameter, Object value) {
    if (value != null) {
      if (parameters.containsKey(parameter)) {
        throw new IllegalArgumentException("the parameter " + parameter + " is bound already");
      }
      conditions.add(condition);
      parameters.put(parameter, value);
    }
    return this;
  }

  /** Counts all matches and reads the page, in the paging's order over the alias. */
  public <T> Page<T> page(Session s, Class<T> type, Paging paging) {
    String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    SelectionQuery<Long> count = s.createSelectionQuery("select count(" + alias + ") " + from + where, Long.class);
    SelectionQuery<T> page = s.createSelectionQuery(
        (select == null ? "" : select + " ") + from + where + " order by " + paging.orderBy(alias), type);
    parameters.forEach((k, v) -> {
      count.setParameter(k, v);
      page.setParameter(k, v);
    });
    List<T> items = page.setFirstResult(paging.offset()).setMaxResults(paging.pageSize()).getResultList();
    return new Page<>(items, count.getSingleResult());
  }

  /** The LIKE pattern that finds {@code text} anywhere in a lower-cased value. */
  static String likeContains(String text) {
    String e = String.valueOf(LIKE_ESCAPE);
    return "%" + text.toLowerCase(Locale.ROOT).replace(e, e + e).replace("%", e + "%").replace("_", e + "_") + "%";
  }

  private ListQuery compare(String property, String operator, Object value) {
    if (value != null) {
      conditions.add(property + " " + operator + " :" + bind(value));
    }
    return this;
  }

  /** Binds a value under a new parameter name and answers the name. */
  private String bind(Object value) {
    String name = "v" + parameters.size();
    while (parameters.containsKey(name)) {
      name = name + "_";
    }
    parameters.put(name, value);
    return name;
  }
}

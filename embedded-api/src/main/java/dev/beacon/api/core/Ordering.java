package dev.beacon.api.core;

import java.util.Map;
import java.util.TreeMap;

/**
 * How a list may be ordered: the {@code orderBy} column names it accepts, each mapped to the
 * entity property it sorts by; the order when none is asked for ({@code column:asc|desc}); and a
 * unique property that breaks ties, so that rows with equal sort values keep one order from page
 * to page.
 *
 * @param columns the accepted column names and the properties they sort by
 * @param defaultOrder the order when the request gives none, e.g. {@code create_date:desc}
 * @param tieBreaker the unique property that orders rows the column leaves equal
 * @param tie which way the tie-breaker sorts
 */
public record Ordering(Map<String, String> columns, String defaultOrder, String tieBreaker, Tie tie) {
  /** Which way the tie-breaker sorts. */
  public enum Tie {
    ASCENDING,
    DESCENDING,
    /** The way the requested column sorts. */
    AS_ORDERED
  }

  public Ordering {
    columns = Map.copyOf(columns);
    String column = defaultOrder.split(":", -1)[0];
    if (!columns.containsKey(column)) {
      throw new IllegalArgumentException("the default order " + defaultOrder + " is not by one of " + columns.keySet());
    }
  }

  /** The columns with their properties, a default and an ascending tie-breaker. */
  public static Ordering of(Map<String, String> columns, String defaultOrder, String tieBreaker) {
    return new Ordering(columns, defaultOrder, tieBreaker, Tie.ASCENDING);
  }

  /**
   * The most common list order: {@code orderBy} {@code name} or {@code create_date} (the entity's
   * {@code name} and {@code createdAt}), newest first when none is asked for.
   */
  public static Ordering byNameOrCreation(String tieBreaker) {
    return of(Map.of("name", "name", "create_date", "createdAt"), "create_date:desc", tieBreaker);
  }

  /** The same ordering with ties broken highest first. */
  public Ordering tiesDescending() {
    return new Ordering(columns, defaultOrder, tieBreaker, Tie.DESCENDING);
  }

  /** The same ordering with ties broken in the direction of the requested column. */
  public Ordering tiesAsOrdered() {
    return new Ordering(columns, defaultOrder, tieBreaker, Tie.AS_ORDERED);
  }

  /** The same ordering with another default. */
  public Ordering withDefault(String order) {
    return new Ordering(columns, order, tieBreaker, tie);
  }

  /** The accepted column names, sorted, for messages. */
  String columnList() {
    return String.join(", ", new TreeMap<>(columns).keySet());
  }
}

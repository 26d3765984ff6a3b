package dev.beacon.api.content;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Params;
import java.time.Instant;

/**
 * The {@code startCreateDate} / {@code endCreateDate} filter of a content list. Either bound may
 * be given alone (an open range); a bare date as the end bound means the end of that day.
 */
public record CreatedRange(Instant from, Instant to) {
  public static CreatedRange of(Params p) {
    String start = p.get("startCreateDate");
    String end = p.get("endCreateDate");
    Instant from = start == null ? null : Dates.parseBound("startCreateDate", start, false);
    Instant to = end == null ? null : Dates.parseBound("endCreateDate", end, true);
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.badParameter("startCreateDate must not be after endCreateDate");
    }
    return new CreatedRange(from, to);
  }

  /** Adds the bounds on {@code property} to a list query. */
  public ListQuery applyTo(ListQuery q, String property) {
    return q.and(property + " >= :createdFrom", "createdFrom", from).and(property + " <= :createdTo", "createdTo", to);
  }
}

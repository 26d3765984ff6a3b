package dev.beacon.api.core;

import java.time.Instant;

/**
 * A period given by two optional query parameters ({@code yyyy-MM-dd} or
 * {@code yyyy-MM-dd HH:mm:ss}); a bare date as the end bound counts to the end of that day. Either
 * bound may be absent ({@code null}): an open range.
 */
public record DateRange(Instant from, Instant to) {
  /** The bounds named {@code fromParam} and {@code toParam}; a 4000 when one is not a date or the start is after the end. */
  public static DateRange of(Params p, String fromParam, String toParam) {
    String start = p.get(fromParam);
    String end = p.get(toParam);
    Instant from = start == null ? null : Dates.parseBound(fromParam, start, false);
    Instant to = end == null ? null : Dates.parseBound(toParam, end, true);
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.badParameter(fromParam + " must not be after " + toParam);
    }
    return new DateRange(from, to);
  }
}

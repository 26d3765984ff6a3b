package dev.beacon.api.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Dates as the contract writes them: {@code yyyy-MM-dd HH:mm:ss} in the server's zone. */
public final class Dates {
  public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private Dates() {}

  public static ZoneId zone() {
    return ZoneId.systemDefault();
  }

  /** Formats an instant for a response; {@code null} stays {@code null}. */
  public static String format(Instant instant) {
    return instant == null ? null : DATE_TIME.format(instant.atZone(zone()));
  }

  /**
   * Parses a filter bound written as {@code yyyy-MM-dd HH:mm:ss} or {@code yyyy-MM-dd}. A bare
   * date is the start of that day, or with {@code endOfDay} the last moment of it.
   */
  public static Instant parseBound(String field, String text, boolean endOfDay) {
    String t = text.trim();
    try {
      if (t.length() == 10) {
        LocalDate d = LocalDate.parse(t, DATE);
        return endOfDay
            ? d.plusDays(1).atStartOfDay(zone()).toInstant().minusNanos(1000) // 1 µs: what H2 and PostgreSQL keep
            : d.atStartOfDay(zone()).toInstant();
      }
      return LocalDateTime.parse(t, DATE_TIME).atZone(zone()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter(field + " must be a date as yyyy-MM-dd or yyyy-MM-dd HH:mm:ss, got '" + t + "'");
    }
  }

  /** A {@code yyyy-MM-dd} query parameter as a date; {@code null} when absent or blank, 4000 when malformed. */
  public static LocalDate parseDay(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim(), DATE);
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter(field + " must be a date as yyyy-MM-dd, got '" + text.trim() + "'");
    }
  }
}

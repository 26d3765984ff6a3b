package dev.beacon.api.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Small helpers for plain JDBC on the caller's connection (inside its transaction): a query whose
 * rows are handed on one by one, a query over a long list of values (in chunks of
 * {@value #IN_CHUNK} placeholders), an update that inserts when it changed no row.
 */
public final class Jdbc {
  /** The most values one {@code IN (...)} list holds. */
  public static final int IN_CHUNK = 500;

  private Jdbc() {}

  /** Reads one row of a result. */
  @FunctionalInterface
  public interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** A null argument of a known SQL type ({@link java.sql.Types}), for drivers that need the type of a null. */
  public record TypedNull(int sqlType) {}

  /** {@code value}, or a {@link TypedNull} of {@code sqlType} when it is null. */
  public static Object orNull(Object value, int sqlType) {
    return value == null ? new TypedNull(sqlType) : value;
  }

  /** Runs a query with {@code args} bound in order and hands every row to {@code row}. */
  public static void query(Connection c, String sql, RowReader row, Object... args) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      bind(st, args);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          row.read(rs);
        }
      }
    }
  }

  /**
   * Runs {@code sql} for each chunk of {@code values} (its {@code %s} becomes the chunk's
   * placeholders) and hands every row to {@code row}.
   */
  public static void queryIn(Connection c, String sql, List<String> values, RowReader row) throws SQLException {
    for (List<String> chunk : chunks(values, IN_CHUNK)) {
      query(c, String.format(sql, String.join(", ", Collections.nCopies(chunk.size(), "?"))), row, chunk.toArray());
    }
  }

  /** Runs an update with {@code args} bound in order; answers the rows it changed. */
  public static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      bind(st, args);
      return st.executeUpdate();
    }
  }

  /** Runs the update; when it changed no row, the insert (both take the same arguments). */
  public static void upsert(Connection c, String update, String insert, Object... args) throws SQLException {
    if (update(c, update, args) == 0) {
      update(c, insert, args);
    }
  }

  /** Splits a list into consecutive sublists of at most {@code size} (views of it). */
  public static <T> List<List<T>> chunks(List<T> all, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return out;
  }

  private static void bind(PreparedStatement st, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof TypedNull n) {
        st.setNull(i + 1, n.sqlType());
      } else if (args[i] instanceof byte[] bytes) {
        st.setBytes(i + 1, bytes);
      } else {
        st.setObject(i + 1, args[i]);
      }
    }
  }
}

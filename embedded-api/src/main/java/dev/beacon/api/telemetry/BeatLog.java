package dev.beacon.api.telemetry;

import dev.beacon.api.telemetry.UsageStore.Hashed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The heartbeat log ({@code tel_beat}): accepted heartbeats appended in the commit that answers
 * them, taken out in order by the fold ({@link UsageFold}). Plain JDBC on the caller's connection.
 */
final class BeatLog {
  /** A logged heartbeat and its place in the log. */
  record Logged(long seq, Hashed beat) {}

  private BeatLog() {}

  /** Appends the beats, in order. */
  static void append(Connection c, List<Hashed> beats) throws SQLException {
    if (beats.isEmpty()) {
      return;
    }
    try (PreparedStatement st = c.prepareStatement(
        "INSERT INTO tel_beat (app_id, machine_hash, app_version, usage_day, received_at) VALUES (?, ?, ?, ?, ?)")) {
      for (Hashed b : beats) {
        st.setString(1, b.appId());
        st.setString(2, b.hash());
        st.setString(3, b.version());
        st.setObject(4, b.day());
        st.setObject(5, UsageStore.utc(b.at()));
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  /** The place of the newest beat in the log, or -1 when it is empty. */
  static long lastSeq(Connection c) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT MAX(seq) FROM tel_beat");
        ResultSet rs = st.executeQuery()) {
      rs.next();
      long last = rs.getLong(1);
      return rs.wasNull() ? -1 : last;
    }
  }

  /** The oldest {@code max} beats of the log up to {@code last}, oldest first. */
  static List<Logged> oldest(Connection c, int max, long last) throws SQLException {
    List<Logged> out = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement("SELECT seq, app_id, machine_hash, app_version, usage_day, received_at "
        + "FROM tel_beat WHERE seq <= ? ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
      st.setLong(1, last);
      st.setInt(2, max);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new Logged(rs.getLong(1), new Hashed(rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getObject(5, LocalDate.class), rs.getObject(6, OffsetDateTime.class).toInstant())));
        }
      }
    }
    return out;
  }

  /**
   * Removes the beats from {@code first} to {@code last}, which must be exactly {@code count} rows
   * (the ones just folded): anything else means the log changed under the fold, and the caller's
   * transaction must not commit.
   */
  static void remove(Connection c, long first, long last, int count) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("DELETE FROM tel_beat WHERE seq BETWEEN ? AND ?")) {
      st.setLong(1, first);
      st.setLong(2, last);
      int removed = st.executeUpdate();
      if (removed != count) {
        throw new SQLException("the heartbeat log changed while it was folded: " + removed + " rows from " + first + " to "
            + last + ", " + count + " folded");
      }
    }
  }
}

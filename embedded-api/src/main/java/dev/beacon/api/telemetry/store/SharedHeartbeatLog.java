package dev.beacon.api.telemetry.store;

import dev.beacon.api.core.Db;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The heartbeat log in the database, shared by every Beacon on one PostgreSQL ({@code tel_log_entry},
 * migration V25). An append is one transaction: it takes the next number from the one-row head
 * ({@code UPDATE tel_log_head SET seq = seq + 1 ... RETURNING seq}: the row lock lines the
 * appenders of every instance up until each commits) and inserts the entry, encoded as a log file
 * holds it ({@link BeatLog#encode}). So entries commit in the order of their numbers: a reader that
 * sees entry n has every entry before it, and no gap fills in later. Each instance folds all
 * entries, its own and the others', in that order. The entries a snapshot holds are deleted by the
 * snapshot's writer once {@value #KEEP_MINUTES} minutes old; an instance further behind reads the
 * snapshot back ({@link HeartbeatLog.Behind}).
 */
final class SharedHeartbeatLog implements HeartbeatLog {
  /** How long entries a snapshot holds are kept for the instances that have not folded them yet. */
  static final int KEEP_MINUTES = 5;

  private final Db db;

  SharedHeartbeatLog(Db db) {
    this.db = db;
  }

  @Override
  public long append(List<HashedBeat> beats) throws SQLException {
    return db.inJdbcTx(c -> {
      long seq;
      try (PreparedStatement st = c.prepareStatement("UPDATE tel_log_head SET seq = seq + 1 WHERE id = 1 RETURNING seq");
          ResultSet rs = st.executeQuery()) {
        rs.next();
        seq = rs.getLong(1);
      }
      try (PreparedStatement st = c.prepareStatement("INSERT INTO tel_log_entry (seq, entry) VALUES (?, ?)")) {
        st.setLong(1, seq);
        st.setBytes(2, BeatLog.encode(seq, beats));
        st.executeUpdate();
      }
      return seq;
    });
  }

  @Override
  public List<BeatLog.Entry> after(long applied, int max) throws SQLException {
    return db.inJdbcTx(c -> {
      long head = head(c); // first: every entry up to it has committed before the query below
      List<BeatLog.Entry> out = new ArrayList<>();
      int beats = 0;
      try (PreparedStatement st = c.prepareStatement("SELECT seq, entry FROM tel_log_entry WHERE seq > ? ORDER BY seq")) {
        st.setLong(1, applied);
        st.setFetchSize(64);
        try (ResultSet rs = st.executeQuery()) {
          while (beats < max && rs.next()) {
            long seq = rs.getLong(1);
            long expected = out.isEmpty() ? applied + 1 : out.get(out.size() - 1).seq() + 1;
            if (seq != expected) {
              throw new Behind("the heartbeat log goes on at " + seq + " after " + (expected - 1) + ": a snapshot holds what is between");
            }
            BeatLog.Entry e = BeatLog.decode(rs.getBytes(2));
            out.add(e);
            beats += e.beats().size();
          }
        }
      }
      if (out.isEmpty() && head > applied) {
        throw new Behind("the heartbeat log after " + applied + " is deleted: a snapshot holds it");
      }
      return out;
    });
  }

  @Override
  public void covered(long seq) throws SQLException {
    db.inJdbcTx(c -> {
      try (PreparedStatement st = c.prepareStatement("DELETE FROM tel_log_entry WHERE seq <= ? AND written_at < CURRENT_TIMESTAMP - INTERVAL '"
          + KEEP_MINUTES + " minutes'")) {
        st.setLong(1, seq);
        return st.executeUpdate();
      }
    });
  }

  @Override
  public void roll() {
    // no files
  }

  @Override
  public void close() {
    // the pool's connections are the database's
  }

  /** The number of the newest entry. */
  private static long head(Connection c) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT seq FROM tel_log_head WHERE id = 1");
        ResultSet rs = st.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}

package dev.beacon.api.errors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import org.hibernate.Session;

/**
 * Inserts new error events with one prepared statement per transaction, on the session's own
 * connection, instead of {@code Session.persist}: under load ingest stores an event for every
 * request, and Hibernate's persist (its action queue, identity insert and value binding) and the
 * commit's check of every persisted event for changes took about a fifth of the database thread's
 * time per event more than this (IngestBench, README). The row is written at once, as an identity
 * insert through Hibernate is, so what the transaction does next (attachments, alert queries)
 * sees it; the event's {@code id} is set from the generated key. The event stays outside the
 * session: it is never changed after it is stored.
 */
final class EventRows implements AutoCloseable {
  private static final String INSERT = "INSERT INTO error_event (app_id, source, error_type, message, stack, os_info, app_version,"
      + " machine_id, device_id, app_package, created_at, issue_id, event_uid, level, environment, platform, release_name, details)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Session s;
  private PreparedStatement insert;

  EventRows(Session s) {
    this.s = s;
  }

  /** Stores a new event and sets its {@code id}. */
  void insert(ErrorEvent e) {
    s.doWork(c -> {
      PreparedStatement st = statement(c);
      int i = 0;
      st.setString(++i, e.appId);
      st.setString(++i, e.source);
      text(st, ++i, e.errorType);
      text(st, ++i, e.message);
      text(st, ++i, e.stack);
      text(st, ++i, e.osInfo);
      text(st, ++i, e.appVersion);
      text(st, ++i, e.machineId);
      text(st, ++i, e.deviceId);
      text(st, ++i, e.appPackage);
      st.setObject(++i, e.createdAt.atOffset(ZoneOffset.UTC));
      text(st, ++i, e.issueId);
      text(st, ++i, e.eventUid);
      text(st, ++i, e.level);
      text(st, ++i, e.environment);
      text(st, ++i, e.platform);
      text(st, ++i, e.releaseName);
      text(st, ++i, e.details);
      st.executeUpdate();
      try (ResultSet keys = st.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database gave no id for the stored error event");
        }
        e.id = keys.getLong(1);
      }
    });
  }

  private PreparedStatement statement(Connection c) throws SQLException {
    if (insert == null) {
      insert = c.prepareStatement(INSERT, new String[] {"id"});
    }
    return insert;
  }

  private static void text(PreparedStatement st, int i, String value) throws SQLException {
    if (value == null) {
      st.setNull(i, Types.VARCHAR);
    } else {
      st.setString(i, value);
    }
  }

  @Override
  public void close() {
    if (insert != null) {
      s.doWork(c -> insert.close());
      insert = null;
    }
  }
}

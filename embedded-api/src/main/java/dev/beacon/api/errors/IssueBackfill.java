package dev.beacon.api.errors;

import dev.beacon.api.apps.App;
import dev.beacon.api.core.Db;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the events stored before issues existed (a database upgraded to V5): at start-up, before
 * the server takes requests, every event without an issue is fingerprinted and counted, oldest
 * first, {@value #BATCH} per transaction. Nothing is lost, and a later start has nothing to do.
 */
final class IssueBackfill {
  static final int BATCH = 500;

  private IssueBackfill() {}

  /** Groups every event that has no issue yet; returns how many there were. Blocking. */
  static long run(Db db) throws SQLException {
    // nearly always none: asked in plain SQL, so that a start does not wait for Hibernate's first query
    if (!db.inJdbcTx(IssueBackfill::anyWithoutIssue)) {
      return 0;
    }
    long total = 0;
    int done;
    do {
      done = db.inTx(s -> {
        List<ErrorEvent> batch = s.createSelectionQuery("from ErrorEvent e where e.issueId is null order by e.id", ErrorEvent.class)
            .setMaxResults(BATCH)
            .getResultList();
        Map<String, ErrorIssue> issues = new HashMap<>();
        KnownRows.Seen rows = KnownRows.none().begin();
        for (ErrorEvent e : batch) {
          IssueGrouper.attach(s, s.find(App.class, e.appId), e, Fingerprint.of(e, null), issues, rows);
        }
        return batch.size();
      });
      total += done;
    } while (done == BATCH);
    return total;
  }

  private static boolean anyWithoutIssue(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1 FROM error_event WHERE issue_id IS NULL FETCH FIRST 1 ROWS ONLY")) {
      return rs.next();
    }
  }
}

package dev.beacon.api.errors;

import dev.beacon.api.apps.App;
import dev.beacon.api.core.Db;
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
  static long run(Db db) {
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
}

package dev.beacon.api.errors;

import org.hibernate.Session;

/**
 * What another feature (alerts) may do with each error event as it is stored: called inside the
 * ingest transaction, after the event is filed under its issue, so that what it writes commits
 * or rolls back with the event. It runs for every event of every app: keep it cheap.
 */
@FunctionalInterface
public interface IssueListener {
  void stored(Session s, IssueSignal signal);
}

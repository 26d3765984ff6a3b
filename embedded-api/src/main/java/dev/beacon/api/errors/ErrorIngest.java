package dev.beacon.api.errors;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.GroupCommit;
import dev.beacon.api.core.GroupCommit.Outcome;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Stores error events with group commit: events that arrive while a transaction runs wait and go
 * together into the next one (up to {@value #MAX_BATCH}), one transaction at a time. A lone event
 * is stored at once; under load an issue's counts change once per batch instead of once per
 * event, and ingest never waits on its own row locks. Each request is answered only once its
 * event is committed. An event whose app key is refused fails alone; if a whole batch fails, its
 * events are tried one by one so that one bad event cannot sink the others.
 *
 * <p>An event with a client id ({@link ErrorEvent#eventUid}) that the app already has is not
 * stored again: the stored one is the answer, counted once. Since one transaction runs at a time,
 * two copies sent at once are caught too.
 */
final class ErrorIngest {
  static final int MAX_BATCH = 256;
  /**
   * While events keep coming, a batch waits this long for more before it is stored: a transaction
   * costs much more than an event in it (the commit writes the changed pages, the issue's counters
   * are locked and updated once per batch), and under load this doubled the events per
   * transaction and cut the database thread's time per event by about a third. A lone event is
   * stored at once, and a batch goes sooner once as many events wait as the last batch held
   * ({@link GroupCommit}). {@code -Dbeacon.errors.linger-ms} changes it (0: never wait), for benchmarks.
   */
  static final long LINGER_MS = 2;

  /** The app an event names: by id and key (family B), key alone (family A), or Sentry DSN key and project. */
  record AppRef(String kind, String id, String key) {
    static AppRef byId(String appId, String appKey) {
      return new AppRef("id", appId, appKey);
    }

    static AppRef byKey(String appKey) {
      return new AppRef("key", null, appKey);
    }

    static AppRef bySentryKey(String projectId, String sentryKey) {
      return new AppRef("sentry", projectId, sentryKey);
    }

    App find(Session s) {
      return switch (kind) {
        case "id" -> AppAccess.client(s, id, key);
        case "key" -> AppAccess.byKey(s, key);
        default -> AppAccess.bySentryKey(s, id, key);
      };
    }
  }

  /**
   * An event to store: how to find its app and fill in its fields, its fingerprint, and the
   * attachments to keep with it (structured events only).
   */
  record Pending(AppRef app, BiConsumer<App, ErrorEvent> fill, Function<ErrorEvent, Fingerprint> fingerprint,
      Instant at, String eventUid, List<StructuredEvent.Attachment> attachments) {}

  /** What storing gave: the event (the earlier copy when {@code duplicate}). */
  record Stored(ErrorEvent event, boolean duplicate) {}

  private final GroupCommit<Pending, Stored> commits;
  private final Attachments attachments;
  private final List<IssueListener> listeners;
  /** The issues' machine and environment rows known to be stored, so most events need not look them up. */
  private final KnownRows rows = KnownRows.bounded();

  ErrorIngest(Db db, Attachments attachments, List<IssueListener> listeners) {
    this.attachments = attachments;
    this.listeners = listeners;
    this.commits = new GroupCommit<>(db, MAX_BATCH, Integer.MAX_VALUE, Long.getLong("beacon.errors.linger-ms", LINGER_MS), "error events",
        batch -> {
          KnownRows.Seen seen = rows.begin();
          List<Outcome<Stored>> out = db.inTx(s -> {
            seen.reset();
            try (EventRows inserts = new EventRows(s)) {
              Batch b = new Batch(s, seen, inserts);
              b.findStored(batch);
              return batch.stream().map(b::store).toList();
            }
          });
          seen.committed();
          return out;
        });
  }

  /**
   * Queues a text event (call it on the request's event loop). {@code fingerprint} is the event's
   * when the caller worked it out already, or {@code null}: then it is taken from the filled event
   * on the database thread, with {@code fullStack}, the stack before it was cut for storage
   * ({@code null}: the stored one).
   */
  Future<ErrorEvent> add(AppRef app, BiConsumer<App, ErrorEvent> fill, Fingerprint fingerprint, String fullStack, Instant at) {
    Function<ErrorEvent, Fingerprint> fp = fingerprint != null ? e -> fingerprint : e -> Fingerprint.of(e, fullStack);
    return commits.add(new Pending(app, fill, fp, at, null, List.of())).map(Stored::event);
  }

  /** Queues a structured event (call it on the request's event loop). */
  Future<Stored> add(Pending p) {
    return commits.add(p);
  }

  /** What looking an app up gave: the app, or the refusal to answer the request with. */
  private sealed interface Lookup permits Found, Refused {}

  private record Found(App app) implements Lookup {}

  private record Refused(ApiException reason) implements Lookup {}

  /** One transaction's work, with the apps and issues it has already looked up. */
  private final class Batch {
    private final Session s;
    private final Map<AppRef, Lookup> apps = new HashMap<>();
    private final Map<String, ErrorIssue> issues = new HashMap<>();
    private final Map<String, ErrorEvent> byUid = new HashMap<>();
    private final KnownRows.Seen seen;
    private final EventRows events;

    Batch(Session s, KnownRows.Seen seen, EventRows events) {
      this.s = s;
      this.seen = seen;
      this.events = events;
    }

    Outcome<Stored> store(Pending p) {
      Lookup lookup = apps.computeIfAbsent(p.app(), this::findApp);
      if (lookup instanceof Refused refused) {
        return Outcome.failed(refused.reason());
      }
      App a = ((Found) lookup).app();
      if (p.eventUid() != null) {
        ErrorEvent earlier = earlier(a, p.eventUid());
        if (earlier != null) {
          return Outcome.ok(new Stored(earlier, true));
        }
      }
      ErrorEvent e = new ErrorEvent();
      e.appId = a.appId;
      e.createdAt = p.at();
      e.eventUid = p.eventUid();
      p.fill().accept(a, e);
      ErrorIssue issue = IssueGrouper.attach(s, a, e, p.fingerprint().apply(e), issues, seen);
      events.insert(e);
      for (StructuredEvent.Attachment file : p.attachments()) {
        s.persist(attachments.keep(e, file));
      }
      tell(issue, e);
      if (e.eventUid != null) {
        byUid.put(a.appId + "/" + e.eventUid, e);
      }
      return Outcome.ok(new Stored(e, false));
    }

    /** Hands the stored event to the listeners (alerts), inside this transaction. */
    private void tell(ErrorIssue issue, ErrorEvent e) {
      boolean regressed = issue.reopened;
      issue.reopened = false;
      if (listeners.isEmpty()) {
        return;
      }
      IssueSignal signal = new IssueSignal(s, issue, e, issue.eventCount == 1, regressed);
      for (IssueListener l : listeners) {
        l.stored(s, signal);
      }
    }

    /**
     * Looks up which of the batch's client ids are stored already, with one prepared statement
     * (each lookup on the unique index of app and client id), so that {@link #earlier} needs no
     * query of its own: a query per event would make Hibernate check every entity of the batch
     * for changes before it (auto flush), and an {@code IN} list does not use the index on H2.
     */
    void findStored(List<Pending> batch) {
      Map<AppRef, List<String>> uids = new HashMap<>();
      for (Pending p : batch) {
        if (p.eventUid() != null) {
          uids.computeIfAbsent(p.app(), ref -> new ArrayList<>()).add(p.eventUid());
        }
      }
      List<Long> stored = new ArrayList<>();
      uids.forEach((ref, ids) -> {
        if (apps.computeIfAbsent(ref, this::findApp) instanceof Found found) {
          s.doWork(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM error_event WHERE app_id = ? AND event_uid = ?")) {
              st.setString(1, found.app().appId);
              for (String uid : ids) {
                st.setString(2, uid);
                try (ResultSet rs = st.executeQuery()) {
                  if (rs.next()) {
                    stored.add(rs.getLong(1));
                  }
                }
              }
            }
          });
        }
      });
      for (Long id : stored) {
        ErrorEvent e = s.find(ErrorEvent.class, id);
        byUid.put(e.appId + "/" + e.eventUid, e);
      }
    }

    /** The app's event with this client id, stored before or earlier in this batch ({@link #findStored} first). */
    private ErrorEvent earlier(App a, String uid) {
      return byUid.get(a.appId + "/" + uid);
    }

    /** The app, or the refusal (unknown key, frozen app) as the request's answer. */
    private Lookup findApp(AppRef ref) {
      try {
        return new Found(ref.find(s));
      } catch (ApiException refused) {
        return new Refused(refused);
      }
    }
  }
}

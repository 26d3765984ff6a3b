package dev.beacon.api.errors;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.GroupCommit;
import dev.beacon.api.core.GroupCommit.Outcome;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hibernate.Session;

/**
 * Stores error events with group commit: events that arrive while a transaction runs wait and go
 * together into the next one (up to {@value #MAX_BATCH}), one transaction at a time. A lone event
 * is stored at once; under load an issue's counts change once per batch instead of once per
 * event, and ingest never waits on its own row locks. Each request is answered only once its
 * event is committed. An event whose app key is refused fails alone; if a whole batch fails, its
 * events are tried one by one so that one bad event cannot sink the others.
 */
final class ErrorIngest {
  static final int MAX_BATCH = 256;

  /** How to find the event's app and fill in its fields; {@code appId} is null for family A. */
  record Pending(String appId, String appKey, BiConsumer<App, ErrorEvent> fill, String fullStack, Instant at) {}

  private final GroupCommit<Pending, ErrorEvent> commits;

  ErrorIngest(Db db) {
    this.commits = new GroupCommit<>(db, MAX_BATCH, Integer.MAX_VALUE, "error events",
        batch -> db.inTx(s -> {
          Batch b = new Batch(s);
          return batch.stream().map(b::store).toList();
        }));
  }

  /**
   * Queues an event (call it on the request's event loop). {@code fullStack} is the stack before
   * it was cut for storage, for the fingerprint; {@code null} uses the stored one.
   */
  Future<ErrorEvent> add(String appId, String appKey, BiConsumer<App, ErrorEvent> fill, String fullStack, Instant at) {
    return commits.add(new Pending(appId, appKey, fill, fullStack, at));
  }

  /** The app an event names, by id (family B) or by key alone (family A, {@code appId} null). */
  private record AppRef(String appId, String appKey) {}

  /** What looking an app up gave: the app, or the refusal to answer the request with. */
  private sealed interface Lookup permits Found, Refused {}

  private record Found(App app) implements Lookup {}

  private record Refused(ApiException reason) implements Lookup {}

  /** One transaction's work, with the apps and issues it has already looked up. */
  private static final class Batch {
    private final Session s;
    private final Map<AppRef, Lookup> apps = new HashMap<>();
    private final Map<String, ErrorIssue> issues = new HashMap<>();

    Batch(Session s) {
      this.s = s;
    }

    Outcome<ErrorEvent> store(Pending p) {
      Lookup lookup = apps.computeIfAbsent(new AppRef(p.appId(), p.appKey()), this::findApp);
      if (lookup instanceof Refused refused) {
        return Outcome.failed(refused.reason());
      }
      App a = ((Found) lookup).app();
      ErrorEvent e = new ErrorEvent();
      e.appId = a.appId;
      e.createdAt = p.at();
      p.fill().accept(a, e);
      IssueGrouper.attach(s, a, e, Fingerprint.of(e, p.fullStack()), issues);
      s.persist(e);
      return Outcome.ok(e);
    }

    /** The app, or the refusal (unknown key, frozen app) as the request's answer. */
    private Lookup findApp(AppRef ref) {
      try {
        return new Found(ref.appId() == null ? AppAccess.byKey(s, ref.appKey()) : AppAccess.client(s, ref.appId(), ref.appKey()));
      } catch (ApiException refused) {
        return new Refused(refused);
      }
    }
  }
}

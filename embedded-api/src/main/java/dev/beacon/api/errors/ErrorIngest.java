package dev.beacon.api.errors;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Db;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
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
  record Pending(String appId, String appKey, BiConsumer<App, ErrorEvent> fill, String fullStack, Instant at,
      Context context, Promise<ErrorEvent> done) {}

  private record Outcome(ErrorEvent event, RuntimeException failure) {}

  private final Db db;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean storing = new AtomicBoolean();

  ErrorIngest(Db db) {
    this.db = db;
  }

  /**
   * Queues an event (call it on the request's event loop). {@code fullStack} is the stack before
   * it was cut for storage, for the fingerprint; {@code null} uses the stored one.
   */
  Future<ErrorEvent> add(String appId, String appKey, BiConsumer<App, ErrorEvent> fill, String fullStack, Instant at) {
    Promise<ErrorEvent> done = Promise.promise();
    queue.add(new Pending(appId, appKey, fill, fullStack, at, Vertx.currentContext(), done));
    drain();
    return done.future();
  }

  /** Starts storing the queued events unless a batch is being stored (its end calls this again). */
  private void drain() {
    if (queue.isEmpty() || !storing.compareAndSet(false, true)) {
      return;
    }
    List<Pending> batch = new ArrayList<>();
    for (Pending p = queue.poll(); p != null; p = batch.size() < MAX_BATCH ? queue.poll() : null) {
      batch.add(p);
    }
    db.blocking(() -> store(batch)).onComplete(ar -> {
      storing.set(false);
      for (int i = 0; i < batch.size(); i++) {
        Pending p = batch.get(i);
        Outcome o = ar.succeeded() ? ar.result().get(i) : new Outcome(null, new IllegalStateException(ar.cause()));
        Runnable answer = o.failure() == null ? () -> p.done().complete(o.event()) : () -> p.done().fail(o.failure());
        if (p.context() != null) {
          p.context().runOnContext(v -> answer.run());
        } else {
          answer.run();
        }
      }
      drain();
    });
  }

  /** Stores a batch in one transaction, or its events one by one when that fails. Blocking. */
  private List<Outcome> store(List<Pending> batch) {
    try {
      return db.inTx(s -> {
        Batch b = new Batch(s);
        return batch.stream().map(b::store).toList();
      });
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        return List.of(new Outcome(null, e));
      }
      return batch.stream().map(p -> {
        try {
          return db.inTx(s -> new Batch(s).store(p));
        } catch (RuntimeException alone) {
          return new Outcome(null, alone);
        }
      }).toList();
    }
  }

  /** One transaction's work, with the apps and issues it has already looked up. */
  private static final class Batch {
    private final Session s;
    private final Map<String, Object> apps = new HashMap<>();
    private final Map<String, ErrorIssue> issues = new HashMap<>();

    Batch(Session s) {
      this.s = s;
    }

    Outcome store(Pending p) {
      Object app = apps.computeIfAbsent(p.appId() + "\n" + p.appKey(), k -> findApp(p));
      if (app instanceof ApiException refused) {
        return new Outcome(null, refused);
      }
      App a = (App) app;
      ErrorEvent e = new ErrorEvent();
      e.appId = a.appId;
      e.createdAt = p.at();
      p.fill().accept(a, e);
      IssueGrouper.attach(s, a, e, Fingerprint.of(e, p.fullStack()), issues);
      s.persist(e);
      return new Outcome(e, null);
    }

    /** The app, or the refusal (unknown key, frozen app) as the request's answer. */
    private Object findApp(Pending p) {
      try {
        return p.appId() == null ? AppAccess.byKey(s, p.appKey()) : AppAccess.client(s, p.appId(), p.appKey());
      } catch (ApiException refused) {
        return refused;
      }
    }
  }
}

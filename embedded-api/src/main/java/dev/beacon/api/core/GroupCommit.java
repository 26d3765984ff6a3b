package dev.beacon.api.core;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit: items that arrive while a transaction runs wait and go together into the next one
 * (up to {@code maxBatch}), one transaction at a time on the db worker. A lone item is stored at
 * once; under load many requests share one commit. Each caller's future completes, on the
 * caller's own Vert.x context, only after its item is committed (or has failed). An item can fail
 * alone (its {@link Outcome} carries the failure); if the whole batch throws, its items are tried
 * one by one so that one bad item cannot sink the others.
 *
 * <p>With a {@code capacity}, at most that many items wait: one more is refused with 429 and
 * {@code Retry-After} (backpressure) instead of growing memory without bound.
 *
 * @param <T> what a caller hands in
 * @param <R> what a caller gets back once it is committed
 */
public final class GroupCommit<T, R> {
  /** What became of one item: its result, or the failure that is its caller's answer. */
  public record Outcome<R>(R value, RuntimeException failure) {
    public static <R> Outcome<R> ok(R value) {
      return new Outcome<>(value, null);
    }

    public static <R> Outcome<R> failed(RuntimeException failure) {
      return new Outcome<>(null, failure);
    }
  }

  /** Stores items in one transaction and says what became of each, in order; blocking. */
  @FunctionalInterface
  public interface Store<T, R> {
    List<Outcome<R>> store(List<T> batch);
  }

  private record Pending<T, R>(T item, Context context, Promise<R> done) {}

  private final Db db;
  private final int maxBatch;
  private final int capacity;
  private final String what;
  private final Store<T, R> store;
  private final long lingerMillis;
  /** How many items the last batch held: a lone one means no load, and no reason to linger. */
  private volatile int lastBatch;
  /** Whether a batch waits for more (its timer set); the first of the timer and a full batch ends it. */
  private final AtomicBoolean lingering = new AtomicBoolean();
  private volatile long lingerTimer;
  private final ConcurrentLinkedQueue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicBoolean storing = new AtomicBoolean();

  /**
   * @param capacity how many items may wait; {@code Integer.MAX_VALUE} for no limit
   * @param what what the items are, for the 429 message ("heartbeats")
   */
  public GroupCommit(Db db, int maxBatch, int capacity, String what, Store<T, R> store) {
    this(db, maxBatch, capacity, 0, what, store);
  }

  /**
   * @param lingerMillis while items keep coming (the last batch held more than one), how long a
   *     batch waits for more before it is stored: fewer, larger transactions when each costs much
   *     more than an item in it; 0 never waits. It waits no longer once as many items wait as the
   *     last batch held: callers that each wait for their answer before sending more (a client's
   *     few connections) have then all sent theirs, and waiting on would only add to each answer's
   *     time
   */
  public GroupCommit(Db db, int maxBatch, int capacity, long lingerMillis, String what, Store<T, R> store) {
    this.db = db;
    this.maxBatch = maxBatch;
    this.capacity = capacity;
    this.lingerMillis = lingerMillis;
    this.what = what;
    this.store = store;
  }

  /** Queues an item; the future completes once it is committed. Call it on the request's context. */
  public Future<R> add(T item) {
    if (waiting.incrementAndGet() > capacity) {
      waiting.decrementAndGet();
      return Future.failedFuture(new ApiException(ApiException.RATE_LIMITED,
          "the server is busy storing " + what + " (" + capacity + " waiting); retry in a second").retryAfterSeconds(1));
    }
    Promise<R> done = Promise.promise();
    queue.add(new Pending<>(item, Vertx.currentContext(), done));
    drain();
    if (lingering.get() && waiting.get() >= lastBatch && lingering.compareAndSet(true, false)) {
      Context here = Vertx.currentContext();
      if (here != null) {
        here.owner().cancelTimer(lingerTimer); // else it fires and finds the batch gone
      }
      take();
    }
    return done.future();
  }

  /** How many items wait or are being stored. */
  public int waiting() {
    return waiting.get();
  }

  /**
   * Starts storing the queued items unless a batch is being stored or waits for more (its end
   * calls this again).
   */
  private void drain() {
    if (queue.isEmpty() || !storing.compareAndSet(false, true)) {
      return;
    }
    Context here = Vertx.currentContext();
    if (lingerMillis > 0 && lastBatch > 1 && waiting.get() < Math.min(maxBatch, lastBatch) && here != null) {
      lingering.set(true);
      lingerTimer = here.owner().setTimer(lingerMillis, id -> {
        if (lingering.compareAndSet(true, false)) {
          take();
        }
      });
    } else {
      take();
    }
  }

  /** Stores up to a batch of the queued items; the caller holds {@code storing}. */
  private void take() {
    List<Pending<T, R>> batch = new ArrayList<>();
    for (Pending<T, R> p = queue.poll(); p != null; p = batch.size() < maxBatch ? queue.poll() : null) {
      batch.add(p);
    }
    List<T> items = batch.stream().map(Pending::item).toList();
    lastBatch = items.size();
    db.blocking(() -> storeOrOneByOne(items)).onComplete(ar -> {
      waiting.addAndGet(-batch.size());
      storing.set(false);
      for (int i = 0; i < batch.size(); i++) {
        Pending<T, R> p = batch.get(i);
        Outcome<R> o = ar.succeeded() ? ar.result().get(i) : Outcome.failed(new IllegalStateException(ar.cause()));
        Runnable answer = o.failure() == null ? () -> p.done().complete(o.value()) : () -> p.done().fail(o.failure());
        if (p.context() != null) {
          p.context().runOnContext(v -> answer.run());
        } else {
          answer.run();
        }
      }
      drain();
    });
  }

  /** Stores a batch in one transaction, or its items one by one when that fails. Blocking. */
  private List<Outcome<R>> storeOrOneByOne(List<T> items) {
    try {
      return store.store(items);
    } catch (RuntimeException e) {
      if (items.size() == 1) {
        return List.of(Outcome.failed(e));
      }
      return items.stream().map(item -> {
        try {
          return store.store(List.of(item)).get(0);
        } catch (RuntimeException alone) {
          return Outcome.<R>failed(alone);
        }
      }).toList();
    }
  }
}

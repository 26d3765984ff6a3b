package dev.beacon.api.alerts;

import dev.beacon.api.core.Body;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: every {@code beacon.alerts.poll-ms} (2 s) it reads the deliveries that are
 * due (on a db worker), sends them at once without blocking ({@link Sender}), and records each
 * outcome: sent; tried again later ({@link Backoff}); failed when the tries ran out; or, for a
 * webhook that answered 410 Gone, the destination disabled and its pending deliveries failed.
 * Everything is in the database, so a restart (or a crash) resumes where it was; a delivery
 * whose outcome was not recorded before a crash is sent again (at least once).
 *
 * <p>Several instances on one PostgreSQL database share the outbox: each pass claims the due
 * deliveries it takes ({@code FOR UPDATE SKIP LOCKED}, so two passes never take the same row) for
 * {@link #CLAIM}, and recording the outcome ends the claim; the others skip claimed rows until the
 * claim expires, so a delivery whose instance died is taken over then. The one window left: an
 * instance that dies after the receiver got the delivery and before it recorded that; another
 * sends it again once the claim expired, with the same {@code Idempotency-Key} ({@link Sender}).
 * On H2 one process serves the database: no claims and no row locks, so that a restart after a
 * crash sends what was in flight at once.
 */
final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final int BATCH = 100;
  /** How long a pass's claim keeps the others off a delivery: longer than any send takes (its timeouts). */
  static final java.time.Duration CLAIM = java.time.Duration.ofMinutes(2);
  private static final String DUE = "SELECT alert_id, destination_id FROM alert_delivery"
      + " WHERE state = 'pending' AND next_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
      + " ORDER BY next_at FETCH FIRST " + BATCH + " ROWS ONLY";
  /** PostgreSQL's: rows another pass has locked are skipped, not waited for. */
  private static final String DUE_SKIPPING_LOCKED = DUE + " FOR UPDATE SKIP LOCKED";

  private record Job(AlertDelivery delivery, AlertDestination destination, JsonObject alert, Instant raisedAt) {}

  private final ServerContext sc;
  private final Sender sender;
  private final Backoff backoff = new Backoff();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean stopped;
  private long timer = -1;

  Dispatcher(ServerContext sc, Sender sender) {
    this.sc = sc;
    this.sender = sender;
  }

  void start() {
    long every = Long.getLong("beacon.alerts.poll-ms", 2_000L);
    // the first pass after a full period: at a start, the first requests come first
    timer = sc.vertx().setPeriodic(every, every, id -> pass());
  }

  void stop() {
    stopped = true;
    if (timer >= 0) {
      sc.vertx().cancelTimer(timer);
    }
  }

  /** One pass over the due deliveries, unless one runs already. */
  void pass() {
    if (stopped || !running.compareAndSet(false, true)) {
      return;
    }
    sc.db().tx(this::due)
        .compose(jobs -> Future.join(jobs.stream().map(this::send).toList()).map(all -> jobs.size()))
        .onComplete(r -> {
          running.set(false);
          if (r.failed()) {
            LOG.warn("delivering alerts failed", r.cause());
          } else if (r.result() == BATCH) {
            pass();
          }
        });
  }

  /** Claims the due deliveries no other instance is sending, and reads what sending them takes. */
  private List<Job> due(Session s) {
    Instant now = sc.now();
    List<AlertDelivery.Key> claimed = s.doReturningWork(c -> claim(c, now));
    List<Job> jobs = new ArrayList<>();
    for (AlertDelivery.Key key : claimed) {
      AlertDelivery d = s.find(AlertDelivery.class, key);
      Alert a = s.find(Alert.class, d.alertId);
      AlertDestination dest = s.find(AlertDestination.class, d.destinationId);
      if (a != null && dest != null) {
        jobs.add(new Job(d, dest, new JsonObject(a.payload), a.createdAt));
      }
    }
    return jobs;
  }

  /**
   * The due deliveries: on PostgreSQL the unclaimed ones, locked (skipping those another pass
   * locked) and claimed for this instance; on H2 all of them.
   */
  private List<AlertDelivery.Key> claim(java.sql.Connection c, Instant now) throws java.sql.SQLException {
    java.time.OffsetDateTime at = java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
    boolean h2 = sc.db().isH2();
    List<AlertDelivery.Key> keys = new ArrayList<>();
    try (java.sql.PreparedStatement st = c.prepareStatement(h2 ? DUE : DUE_SKIPPING_LOCKED)) {
      st.setObject(1, at);
      st.setObject(2, at);
      try (java.sql.ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          keys.add(new AlertDelivery.Key(rs.getString(1), rs.getString(2)));
        }
      }
    }
    if (h2 || keys.isEmpty()) {
      return keys;
    }
    try (java.sql.PreparedStatement st = c.prepareStatement(
        "UPDATE alert_delivery SET claimed_by = ?, claimed_until = ? WHERE alert_id = ? AND destination_id = ?")) {
      for (AlertDelivery.Key k : keys) {
        st.setString(1, sc.db().instanceId());
        st.setObject(2, at.plus(CLAIM));
        st.setString(3, k.alertId());
        st.setString(4, k.destinationId());
        st.addBatch();
      }
      st.executeBatch();
    }
    return keys;
  }

  private Future<Void> send(Job job) {
    String id = new AlertDelivery.Key(job.delivery().alertId, job.delivery().destinationId).id();
    return smtpIf(job.destination())
        .compose(smtp -> sender.send(job.destination(), job.alert(), smtp, id))
        .compose(result -> sc.db().tx(s -> {
          record(s, job, result);
          return null;
        }));
  }

  /** The SMTP settings when the destination is an e-mail address. */
  Future<SmtpSettings> smtpIf(AlertDestination d) {
    return d.email() ? sc.db().tx(s -> s.find(SmtpSettings.class, SmtpSettings.ID)) : Future.succeededFuture(null);
  }

  private void record(Session s, Job job, Sender.Result result) {
    AlertDelivery d = s.find(AlertDelivery.class, new AlertDelivery.Key(job.delivery().alertId, job.delivery().destinationId));
    if (d == null || !AlertDelivery.PENDING.equals(d.state)) {
      return;
    }
    Instant now = sc.now();
    d.claimedBy = null;
    d.claimedUntil = null;
    d.attempts++;
    if (result.sent()) {
      d.state = AlertDelivery.SENT;
      d.sentAt = now;
      d.lastError = null;
      return;
    }
    d.lastError = Body.truncate(result.detail(), 1000);
    if (result.gone()) {
      d.state = AlertDelivery.FAILED;
      disable(s, d.destinationId, "the webhook answered 410 Gone on " + dev.beacon.api.core.Dates.format(now) + ": save it again to use it");
      return;
    }
    Instant next = now.plus(backoff.after(d.attempts));
    if (next.isAfter(job.raisedAt().plus(backoff.retryFor))) {
      d.state = AlertDelivery.FAILED;
    } else {
      d.nextAt = next;
    }
  }

  /** Disables a destination and fails its pending deliveries. */
  static void disable(Session s, String destinationId, String reason) {
    AlertDestination dest = s.find(AlertDestination.class, destinationId);
    if (dest == null) {
      return;
    }
    dest.state = AlertDestination.DISABLED;
    dest.stateReason = reason;
    s.flush();
    s.createMutationQuery("update AlertDelivery d set d.state = :f, d.lastError = :r where d.destinationId = :id and d.state = :p")
        .setParameter("f", AlertDelivery.FAILED).setParameter("r", Body.truncate(reason, 1000))
        .setParameter("id", destinationId).setParameter("p", AlertDelivery.PENDING).executeUpdate();
  }

  void close() {
    sender.close();
  }
}

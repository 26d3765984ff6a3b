package dev.beacon.api.alerts;

import dev.beacon.api.core.Lease;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.releases.ReleaseControl;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rollout_health rule: every {@code beacon.alerts.rollout-check-ms} (5 minutes), for each app
 * with the rule on, each version in a partial rollout on at least {@code minMachines} machines
 * whose error-free machines (or, without them, crash-free machines) over the last day fall below
 * the threshold is alerted on (once per quiet period) and, with {@code autoHalt}, halted through
 * the release action, in the alert's transaction. Runs on a worker thread; of several instances on
 * one database, on the one holding the {@value #LEASE} lease ({@link Lease}).
 */
final class RolloutWatch {
  private static final Logger LOG = LoggerFactory.getLogger(RolloutWatch.class);
  static final String LEASE = "alerts.rollout-watch";

  private final ServerContext sc;
  private final Rules rules;
  private final ReleaseControl releases;
  private final VersionHealth health;
  private final AtomicBoolean running = new AtomicBoolean();
  private long timer = -1;
  private Lease lease;

  RolloutWatch(ServerContext sc, Rules rules, ReleaseControl releases, VersionHealth health) {
    this.sc = sc;
    this.rules = rules;
    this.releases = releases;
    this.health = health;
  }

  void start() {
    long every = Long.getLong("beacon.alerts.rollout-check-ms", 300_000L);
    lease = Lease.start(sc, LEASE);
    timer = sc.vertx().setPeriodic(every, every, id -> {
      if (lease.held() && running.compareAndSet(false, true)) {
        sc.db().blocking(() -> {
          check();
          return null;
        }).onComplete(r -> {
          running.set(false);
          if (r.failed()) {
            LOG.warn("checking the rollouts' health failed", r.cause());
          }
        });
      }
    });
  }

  void stop() {
    if (timer >= 0) {
      sc.vertx().cancelTimer(timer);
    }
  }

  /** One pass over every app with the rule on (blocking). */
  void check() {
    List<String> apps = sc.db().inTx(s -> s.createSelectionQuery(
            "select r.appId from AlertRule r where r.rule = :r and r.enabled = true", String.class)
        .setParameter("r", RuleName.ROLLOUT_HEALTH.wire()).getResultList());
    for (String appId : apps) {
      List<ReleaseControl.Rolling> rolling = sc.db().inTx(s -> releases.rolling(s, appId));
      for (ReleaseControl.Rolling v : rolling) {
        try {
          health.lastDay(appId, v.versionId()).ifPresent(f -> judge(appId, v, f));
        } catch (Exception e) {
          LOG.warn("the health of version {} of app {} could not be read", v.name(), appId, e);
        }
      }
    }
  }

  private void judge(String appId, ReleaseControl.Rolling v, VersionHealth.Figures f) {
    sc.db().inTx(s -> {
      Rules.Setting rule = rules.of(s, appId, RuleName.ROLLOUT_HEALTH);
      Double rate = f.errorFreeRate() != null ? f.errorFreeRate() : f.crashFreeMachines();
      String measure = f.errorFreeRate() != null ? "error-free machines" : "crash-free machines";
      if (!rule.enabled() || rate == null || f.machines() < rule.minMachines() || rate >= rule.threshold()) {
        return null;
      }
      if (Outbox.quiet(s, appId, RuleName.ROLLOUT_HEALTH, v.versionId(), rule.quietMinutes(), sc.now())) {
        return null;
      }
      String figures = String.format(Locale.ROOT, "%s %.1f%% (below %.1f%%) on %d machines, %d with errors, over the last day",
          measure, rate * 100, rule.threshold() * 100, f.machines(), f.errorMachines());
      boolean halted = rule.autoHalt()
          && releases.halt(s, appId, v.versionId(), "Halted by Beacon (rollout_health): " + figures, sc.now());
      String text = (halted ? "Halted " : "Unhealthy rollout: ") + "version " + v.name() + " at " + v.rollout() + "% on "
          + v.channel() + ": " + figures + (halted ? "; the rollout is halted" : "");
      JsonObject version = new JsonObject()
          .put("versionId", v.versionId())
          .put("version", v.name())
          .put("channel", v.channel())
          .put("rollout", v.rollout())
          .put("machines", f.machines())
          .put("errorMachines", f.errorMachines())
          .put("errorFreeRate", f.errorFreeRate())
          .put("crashFreeMachines", f.crashFreeMachines())
          .put("halted", halted);
      Outbox.write(s, new Outbox.Raise(appId, RuleName.ROLLOUT_HEALTH, halted ? "rollout_halted" : "rollout_health",
          v.versionId(), text, null, version, null, v.versionId()), sc.now());
      return null;
    });
  }
}

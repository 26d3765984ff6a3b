package dev.beacon.api.alerts;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * The rules of each app, read once and kept in memory (every stored error event asks), and
 * forgotten when the developer changes them. One Beacon serves a database, so this copy is the
 * only one.
 */
final class Rules {
  /** One rule as it applies: the developer's settings or the defaults. */
  record Setting(RuleName rule, boolean enabled, Double threshold, Integer minMachines, Double factor,
      int quietMinutes, boolean autoHalt) {
    static Setting defaults(RuleName r) {
      return new Setting(r, r.enabled, r.threshold, r.minMachines, r.factor, RuleName.DEFAULT_QUIET_MINUTES, false);
    }

    static Setting of(AlertRule row) {
      RuleName r = RuleName.of(row.rule);
      return new Setting(r, row.enabled, row.threshold != null ? row.threshold : r.threshold,
          row.minMachines != null ? row.minMachines : r.minMachines, row.factor != null ? row.factor : r.factor,
          row.quietMinutes, r == RuleName.ROLLOUT_HEALTH && row.autoHalt);
    }

    JsonObject json() {
      JsonObject o = new JsonObject().put("rule", rule.wire()).put("enabled", enabled).put("quietMinutes", quietMinutes);
      switch (rule) {
        case SPIKE -> o.put("threshold", threshold).put("factor", factor);
        case ROLLOUT_HEALTH -> o.put("threshold", threshold).put("minMachines", minMachines).put("autoHalt", autoHalt);
        default -> { }
      }
      return o;
    }

    /** These settings changed by a {@code PUT .../alerts/rules/{rule}} body (only the fields it sends). */
    Setting with(Body b) {
      Boolean en = b.optionalBoolean("enabled");
      Integer quiet = b.optionalInt("quietMinutes");
      if (quiet != null && (quiet < 0 || quiet > 7 * 24 * 60)) {
        throw ApiException.badParameter("quietMinutes must be from 0 to 10080 (a week), got " + quiet);
      }
      Double th = number(b, "threshold");
      Double fa = number(b, "factor");
      Integer mm = b.optionalInt("minMachines");
      Boolean halt = b.optionalBoolean("autoHalt");
      boolean spike = rule == RuleName.SPIKE;
      boolean health = rule == RuleName.ROLLOUT_HEALTH;
      refuse(th != null && !spike && !health, "threshold");
      refuse(fa != null && !spike, "factor");
      refuse(mm != null && !health, "minMachines");
      refuse(halt != null && !health, "autoHalt");
      if (th != null && health && (th <= 0 || th > 1)) {
        throw ApiException.badParameter("threshold of rollout_health is a rate above 0 and at most 1 (e.g. 0.95), got " + th);
      }
      if (th != null && spike && (th < 1 || th > 1_000_000)) {
        throw ApiException.badParameter("threshold of spike is the fewest events in an hour, from 1, got " + th);
      }
      if (fa != null && (fa < 1 || fa > 1000)) {
        throw ApiException.badParameter("factor must be from 1 to 1000, got " + fa);
      }
      if (mm != null && (mm < 1 || mm > 100_000_000)) {
        throw ApiException.badParameter("minMachines must be at least 1, got " + mm);
      }
      return new Setting(rule, en != null ? en : enabled, th != null ? th : threshold, mm != null ? mm : minMachines,
          fa != null ? fa : factor, quiet != null ? quiet : quietMinutes, halt != null ? halt : autoHalt);
    }

    private void refuse(boolean sent, String field) {
      if (sent) {
        throw ApiException.badParameter(field + " does not apply to the rule " + rule.wire());
      }
    }

    private static Double number(Body b, String field) {
      Object v = b.value(field);
      if (v == null) {
        return null;
      }
      if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
        return n.doubleValue();
      }
      throw ApiException.badParameter(field + " must be a number");
    }
  }

  /** The cluster bus topic on which a rule's change is told to the other instances (payload: the app id). */
  static final String TOPIC = "alerts.rules";
  private final Map<String, Map<RuleName, Setting>> byApp = new ConcurrentHashMap<>();

  private dev.beacon.api.core.ClusterBus bus;

  /**
   * Drops an app's rules when another instance on the database changed them (all of them when
   * some may have been missed), and tells them of this one's changes.
   */
  void listen(dev.beacon.api.core.ClusterBus bus) {
    this.bus = bus;
    bus.subscribe(TOPIC, this::forget, byApp::clear);
  }

  /** The app's rules (defaults for those never changed), inside the caller's transaction. */
  Map<RuleName, Setting> of(Session s, String appId) {
    Map<RuleName, Setting> known = byApp.get(appId);
    if (known != null) {
      return known;
    }
    Map<RuleName, Setting> out = new EnumMap<>(RuleName.class);
    for (RuleName r : RuleName.values()) {
      out.put(r, Setting.defaults(r));
    }
    s.createSelectionQuery("from AlertRule r where r.appId = :a", AlertRule.class).setParameter("a", appId)
        .getResultList().forEach(row -> out.put(RuleName.of(row.rule), Setting.of(row)));
    Map<RuleName, Setting> fixed = Map.copyOf(out);
    byApp.put(appId, fixed);
    return fixed;
  }

  Setting of(Session s, String appId, RuleName rule) {
    return of(s, appId).get(rule);
  }

  /** Stores the app's rule; the cached copy is dropped after the change commits or not. */
  Setting save(Session s, String appId, Setting setting) {
    AlertRule row = s.find(AlertRule.class, new AlertRule.Key(appId, setting.rule().wire()));
    if (row == null) {
      row = new AlertRule();
      row.appId = appId;
      row.rule = setting.rule().wire();
      s.persist(row);
    }
    row.enabled = setting.enabled();
    row.threshold = setting.threshold();
    row.minMachines = setting.minMachines();
    row.factor = setting.factor();
    row.quietMinutes = setting.quietMinutes();
    row.autoHalt = setting.autoHalt();
    forget(appId);
    if (bus != null) {
      // told when this transaction commits, and never if it rolls back
      s.doWork(c -> bus.publish(c, TOPIC, appId));
    }
    return setting;
  }

  void forget(String appId) {
    byApp.remove(appId);
  }
}

package dev.beacon.api.alerts;

import dev.beacon.api.apps.App;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Ids;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * Writes alerts, inside the transaction of what raised them: the alert (unless the same rule
 * alerted on the same subject within its quiet period) and one pending delivery per active
 * destination of the app. The {@link Dispatcher} sends them after the commit.
 */
final class Outbox {
  /** What an alert says: its event, subject, text, and the issue or version it is about (JSON, or null). */
  record Raise(String appId, RuleName rule, String event, String subject, String text,
      JsonObject issue, JsonObject version, String issueId, String versionId) {}

  /** Whether the rule alerted on the subject less than {@code quietMinutes} before {@code now}. */
  static boolean quiet(Session s, String appId, RuleName rule, String subject, int quietMinutes, Instant now) {
    if (quietMinutes <= 0) {
      return false;
    }
    Instant since = now.minus(Duration.ofMinutes(quietMinutes));
    return !s.createSelectionQuery(
            "select a.alertId from Alert a where a.appId = :a and a.rule = :r and a.subject = :s and a.createdAt > :t", String.class)
        .setParameter("a", appId).setParameter("r", rule.wire()).setParameter("s", subject).setParameter("t", since)
        .setMaxResults(1).getResultList().isEmpty();
  }

  /** Stores the alert and its deliveries; the app must exist. */
  static Alert write(Session s, Raise r, Instant now) {
    App app = s.find(App.class, r.appId());
    Alert a = new Alert();
    a.alertId = Ids.newId();
    a.appId = r.appId();
    a.rule = r.rule().wire();
    a.subject = r.subject();
    a.event = r.event();
    a.issueId = r.issueId();
    a.versionId = r.versionId();
    a.message = Body.truncate(r.text(), 2000);
    a.createdAt = now;
    a.payload = payload(a, app.name, r.issue(), r.version()).encode();
    s.persist(a);
    List<AlertDestination> to = s.createSelectionQuery(
            "from AlertDestination d where d.appId = :a and d.state = :s", AlertDestination.class)
        .setParameter("a", r.appId()).setParameter("s", AlertDestination.ACTIVE).getResultList();
    for (AlertDestination d : to) {
      AlertDelivery del = new AlertDelivery();
      del.alertId = a.alertId;
      del.destinationId = d.destinationId;
      del.state = AlertDelivery.PENDING;
      del.nextAt = now;
      s.persist(del);
    }
    return a;
  }

  /** The generic webhook body: {@code {event, app:{appId,name}, issue|null, version|null, text, ...}}. */
  static JsonObject payload(Alert a, String appName, JsonObject issue, JsonObject version) {
    return new JsonObject()
        .put("event", a.event)
        .put("rule", a.rule)
        .put("alertId", a.alertId)
        .put("date", Dates.format(a.createdAt))
        .put("app", new JsonObject().put("appId", a.appId).put("name", appName))
        .put("issue", issue)
        .put("version", version)
        .put("text", a.message);
  }
}

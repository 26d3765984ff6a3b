package dev.beacon.api.alerts;

import dev.beacon.api.apps.App;
import dev.beacon.api.errors.IssueListener;
import dev.beacon.api.errors.IssueSignal;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hibernate.Session;

/**
 * The issue rules, run inside the error ingest's transaction for every stored event: a new issue,
 * a regression, and a spike (the issue's events in the last hour at least the rule's threshold and
 * over its factor times the issue's hourly average of the 7 days before). An event of an app with
 * none of them enabled costs a map lookup.
 */
final class IssueAlerts implements IssueListener {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration WEEK = Duration.ofDays(7);

  private final Rules rules;
  private final Links links;

  IssueAlerts(Rules rules, Links links) {
    this.rules = rules;
    this.links = links;
  }

  @Override
  public void stored(Session s, IssueSignal e) {
    Map<RuleName, Rules.Setting> app = rules.of(s, e.appId());
    if (e.newIssue()) {
      raise(s, app.get(RuleName.NEW_ISSUE), e, "new_issue", "New issue in " + version(e) + ": " + e.title());
    } else if (e.regression()) {
      raise(s, app.get(RuleName.REGRESSION), e, "regression", "Regression in " + version(e) + ": " + e.title()
          + " (resolved before, seen again)");
    }
    Rules.Setting spike = app.get(RuleName.SPIKE);
    if (spike.enabled() && !Outbox.quiet(s, e.appId(), RuleName.SPIKE, e.issueId(), spike.quietMinutes(), e.at())) {
      Instant to = e.at().plusMillis(1);
      long lastHour = e.events(to.minus(HOUR), to);
      if (lastHour < spike.threshold()) {
        return;
      }
      long week = e.events(to.minus(HOUR).minus(WEEK), to.minus(HOUR));
      double average = week / (double) (WEEK.toHours());
      if (lastHour > spike.factor() * average) {
        write(s, spike, e, "spike", String.format(java.util.Locale.ROOT,
            "Spike: %d events in the last hour (%.1f× the 7-day hourly average of %.2f): %s",
            lastHour, average == 0 ? lastHour : lastHour / average, average, e.title()));
      }
    }
  }

  private void raise(Session s, Rules.Setting rule, IssueSignal e, String event, String text) {
    if (rule.enabled() && !Outbox.quiet(s, e.appId(), rule.rule(), e.issueId(), rule.quietMinutes(), e.at())) {
      write(s, rule, e, event, text);
    }
  }

  private void write(Session s, Rules.Setting rule, IssueSignal e, String event, String text) {
    App app = s.find(App.class, e.appId());
    JsonObject issue = new JsonObject()
        .put("issueId", e.issueId())
        .put("title", e.title())
        .put("culprit", e.culprit())
        .put("count", e.count())
        .put("machines", e.machines())
        .put("url", links.issue(app.openId, e.appId(), e.issueId()));
    JsonObject version = e.version().isEmpty() ? null : new JsonObject().put("version", e.version());
    Outbox.write(s, new Outbox.Raise(e.appId(), rule.rule(), event, e.issueId(), text, issue, version, e.issueId(), null), e.at());
  }

  private static String version(IssueSignal e) {
    return e.version().isEmpty() ? "an unnamed version" : e.version();
  }
}

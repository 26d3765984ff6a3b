package dev.beacon.api.alerts;

import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.errors.ErrorsFeature;
import dev.beacon.api.releases.ReleaseControl;
import java.util.List;

/**
 * Alerts: per-app rules (new issue, regression, spike, rollout health with an optional
 * auto-halt), destinations (webhooks with the generic, Slack or Discord body, e-mail over the
 * server's SMTP account), and an outbox written in the same transaction as what raised each alert
 * ({@link IssueAlerts} inside the error ingest, {@link RolloutWatch} on its timer), delivered by
 * the {@link Dispatcher} with backoff until sent or failed.
 */
public final class AlertsFeature implements Feature {
  private final Rules rules = new Rules();
  private final ErrorsFeature errors;
  private final ReleaseControl releases;
  private final VersionHealth health;
  private Dispatcher dispatcher;
  private RolloutWatch watch;

  /**
   * @param errors where new issues and regressions are seen (its listener is added here, before it mounts)
   * @param releases the versions in a rollout, and the halt action
   * @param health the figures of a version over the last day
   */
  public AlertsFeature(ErrorsFeature errors, ReleaseControl releases, VersionHealth health) {
    this.errors = errors;
    this.releases = releases;
    this.health = health;
  }

  @Override
  public List<Class<?>> entities() {
    return List.of(AlertRule.class, AlertDestination.class, Alert.class, AlertDelivery.class, SmtpSettings.class);
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    Links links = new Links(ctx.config());
    rules.listen(ctx.bus());
    errors.listen(new IssueAlerts(rules, links));
    Sender sender = new Sender(ctx.vertx());
    dispatcher = new Dispatcher(ctx, sender);
    new AlertRoutes(ctx, rules, links, dispatcher, sender).mount(routes);
    new SmtpRoutes(ctx).mount(routes);
    dispatcher.start();
    watch = new RolloutWatch(ctx, rules, releases, health);
    watch.start();
  }

  @Override
  public void stop(ServerContext ctx) {
    if (dispatcher != null) {
      dispatcher.stop();
      dispatcher.close();
    }
    if (watch != null) {
      watch.stop();
    }
  }
}

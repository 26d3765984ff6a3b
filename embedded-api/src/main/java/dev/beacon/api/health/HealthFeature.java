package dev.beacon.api.health;

import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.errors.VersionErrors;
import dev.beacon.api.modules.ModuleMachines;
import dev.beacon.api.sentry.SessionHealth;
import dev.beacon.api.telemetry.VersionUsage;

/**
 * Release health (issue 18): per version of an app or module, machines, machines with errors,
 * crash-free figures, issues, the rollout and the version before at the same age
 * ({@link ReleaseHealth}, {@link HealthRoutes}). It reads what usage, errors, Sentry sessions,
 * releases and modules offer, and stores nothing itself.
 */
public final class HealthFeature implements Feature {
  private final ReleaseHealth health;

  public HealthFeature(VersionUsage usage, VersionErrors errors, SessionHealth sessions, ModuleMachines modules) {
    this.health = new ReleaseHealth(usage, errors, sessions, modules);
  }

  /** Release health figures for other features (alerts); usable once the server has started. */
  public ReleaseHealth releaseHealth() {
    return health;
  }

  @Override
  public void start(ServerContext ctx) {
    health.start(ctx);
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    health.start(ctx);
    new HealthRoutes(ctx, health).mount(routes);
  }
}

package dev.beacon.api.releases;

import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.telemetry.Installs;
import java.util.List;

/**
 * App versions and the client checks that offer them: the developer's version routes, family
 * B's {@code /v1/app/upgrade} and family A's {@code /api/v1/version/check}.
 */
public final class ReleasesFeature implements Feature {
  private final Installs installs;
  private final ReleaseControl control = new ReleaseControl();

  /** @param installs usage's view of installed clients (does a machine have a version?) */
  public ReleasesFeature(Installs installs) {
    this.installs = installs;
  }

  /** Listing rolling versions and halting one without a developer's request (alerts' auto-halt). */
  public ReleaseControl control() {
    return control;
  }

  @Override
  public List<Class<?>> entities() {
    return List.of(AppVersion.class, VersionPackage.class, VersionChange.class);
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    VersionsService versions = new VersionsService(ctx);
    new VersionRoutes(ctx.db(), versions).mount(routes);
    new UpgradeRoutes(ctx.db(), versions, installs).mount(routes);
    new VersionCheckRoutes(ctx.db(), versions, installs).mount(routes);
  }
}

package dev.beacon.api.releases;

import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import java.util.List;

/**
 * App versions and the client checks that offer them: the developer's version routes, family
 * B's {@code /v1/app/upgrade} and family A's {@code /api/v1/version/check}.
 */
public final class ReleasesFeature implements Feature {
  @Override
  public List<Class<?>> entities() {
    return List.of(AppVersion.class);
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    VersionsService versions = new VersionsService(ctx);
    new VersionRoutes(ctx.db(), versions).mount(routes);
    new UpgradeRoutes(ctx.db(), versions).mount(routes);
    new VersionCheckRoutes(ctx.db(), versions).mount(routes);
  }
}

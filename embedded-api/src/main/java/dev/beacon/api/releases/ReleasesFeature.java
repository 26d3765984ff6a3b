package dev.beacon.api.releases;

import dev.beacon.api.core.Feature;
import dev.beacon.api.core.ServerContext;
import io.vertx.ext.web.Router;
import java.util.List;

/** App versions and the client check that offers them: the developer's version routes and family B's {@code /v1/app/upgrade}. */
public final class ReleasesFeature implements Feature {
  @Override
  public List<Class<?>> entities() {
    return List.of(AppVersion.class);
  }

  @Override
  public void mount(Router root, ServerContext ctx) {
    VersionsService versions = new VersionsService(ctx);
    new VersionRoutes(ctx.db(), versions).mount(root);
    new UpgradeRoutes(ctx.db(), versions).mount(root);
  }
}

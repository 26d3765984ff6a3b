package dev.beacon.api.apps;

import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import java.util.List;

/** Apps: {@code /v1/user/{openId}/app...} for developers, {@code /v1/admin/app...} for admins. */
public final class AppsFeature implements Feature {
  @Override
  public List<Class<?>> entities() {
    return List.of(App.class);
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    AppsService apps = new AppsService(ctx);
    new AppRoutes(ctx.db(), apps, ctx.config().trustProxy()).mount(routes);
    new AdminAppRoutes(ctx.db(), apps, ctx.config().trustProxy()).mount(routes);
  }
}

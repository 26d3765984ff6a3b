package dev.beacon.api.content.lightmodules;

import dev.beacon.api.auth.AuthGuard;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import java.util.List;

/** Light-module categories and light modules. */
public final class LightModulesFeature implements Feature {
  @Override
  public List<Class<?>> entities() {
    return List.of(LightModuleCategory.class, LightModule.class);
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    new CategoryRoutes(ctx.db(), new CategoriesService(ctx)).mount(routes);
    new LightModuleRoutes(ctx.db(), new LightModulesService(ctx), new AuthGuard(ctx)).mount(routes);
  }
}

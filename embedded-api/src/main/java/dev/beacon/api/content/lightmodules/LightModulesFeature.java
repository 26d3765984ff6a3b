package dev.beacon.api.content.lightmodules;

import dev.beacon.api.auth.AuthGuard;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.ServerContext;
import io.vertx.ext.web.Router;
import java.util.List;

/** Light-module categories and light modules. */
public final class LightModulesFeature implements Feature {
  @Override
  public List<Class<?>> entities() {
    return List.of(LightModuleCategory.class, LightModule.class);
  }

  @Override
  public void mount(Router root, ServerContext ctx) {
    new CategoryRoutes(ctx.db(), new CategoriesService(ctx)).mount(root);
    new LightModuleRoutes(ctx.db(), new LightModulesService(ctx), new AuthGuard(ctx)).mount(root);
  }
}

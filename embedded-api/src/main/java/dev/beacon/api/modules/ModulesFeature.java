package dev.beacon.api.modules;

import dev.beacon.api.core.Feature;
import dev.beacon.api.core.ServerContext;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * App modules and their versions: the developer's routes under
 * {@code /v1/user/{openId}/app/{appId}/module} and the client's {@code /v1/app/module/upgrade}.
 */
public final class ModulesFeature implements Feature {
  @Override
  public List<Class<?>> entities() {
    return List.of(AppModule.class, ModuleVersion.class);
  }

  @Override
  public void mount(Router root, ServerContext ctx) {
    ModulesService modules = new ModulesService(ctx);
    ModuleVersionsService versions = new ModuleVersionsService(ctx, modules);
    new ModuleRoutes(ctx.db(), modules).mount(root);
    new ModuleVersionRoutes(ctx.db(), versions).mount(root);
    new ModuleUpgradeRoutes(ctx.db(), versions).mount(root);
  }
}

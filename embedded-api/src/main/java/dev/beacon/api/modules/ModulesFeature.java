package dev.beacon.api.modules;

import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import java.util.List;

/**
 * App modules and their versions: the developer's routes under
 * {@code /v1/user/{openId}/app/{appId}/module} and the client's {@code /v1/app/module/upgrade}.
 */
public final class ModulesFeature implements Feature {
  private final ModuleMachines moduleMachines = new ModuleMachines();

  /** Which machines run which module version (release health reads it). */
  public ModuleMachines moduleMachines() {
    return moduleMachines;
  }

  @Override
  public List<Class<?>> entities() {
    return List.of(AppModule.class, ModuleVersion.class);
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    ModulesService modules = new ModulesService(ctx);
    ModuleVersionsService versions = new ModuleVersionsService(ctx, modules);
    new ModuleRoutes(ctx.db(), modules).mount(routes);
    new ModuleVersionRoutes(ctx.db(), versions).mount(routes);
    new ModuleUpgradeRoutes(ctx.db(), versions, ctx::now).mount(routes);
  }
}

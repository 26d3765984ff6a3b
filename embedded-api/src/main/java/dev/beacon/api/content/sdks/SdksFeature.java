package dev.beacon.api.content.sdks;

import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import java.util.List;

/** SDKs and resources, for admins. */
public final class SdksFeature implements Feature {
  @Override
  public List<Class<?>> entities() {
    return List.of(Sdk.class, SdkResource.class);
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    ResourcesService resources = new ResourcesService(ctx);
    new SdkRoutes(ctx.db(), new SdksService(ctx), resources).mount(routes);
    new ResourceRoutes(ctx.db(), resources).mount(routes);
  }
}

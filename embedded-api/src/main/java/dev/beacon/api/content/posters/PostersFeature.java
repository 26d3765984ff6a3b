package dev.beacon.api.content.posters;

import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import java.util.List;

/** The website's posters. */
public final class PostersFeature implements Feature {
  @Override
  public List<Class<?>> entities() {
    return List.of(Poster.class);
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    new PosterRoutes(ctx.db(), new PostersService(ctx)).mount(routes);
  }
}

package dev.beacon.api.content.posters;

import dev.beacon.api.auth.AuthGuard;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.ServerContext;
import io.vertx.ext.web.Router;
import java.util.List;

/** The website's posters. */
public final class PostersFeature implements Feature {
  @Override
  public List<Class<?>> entities() {
    return List.of(Poster.class);
  }

  @Override
  public void mount(Router root, ServerContext ctx) {
    new PosterRoutes(ctx.db(), new PostersService(ctx), new AuthGuard(ctx)).mount(root);
  }
}

package dev.beacon.api.content.docs;

import dev.beacon.api.auth.AuthGuard;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import java.util.List;

/** Public documents, their rendered pages, and the online doc tree. */
public final class DocsFeature implements Feature {
  @Override
  public List<Class<?>> entities() {
    return List.of(Doc.class, DocTreeNode.class);
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    AuthGuard guard = new AuthGuard(ctx);
    new DocTreeRoutes(ctx.db(), new DocTreeService(ctx), guard).mount(routes);
    new DocRoutes(ctx.db(), new DocsService(ctx), guard, ctx.config().dataDir()).mount(routes);
  }
}

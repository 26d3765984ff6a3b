package dev.beacon.api.content;

import dev.beacon.api.content.docs.DocsFeature;
import dev.beacon.api.content.lightmodules.LightModulesFeature;
import dev.beacon.api.content.posters.PostersFeature;
import dev.beacon.api.content.qa.QaFeature;
import dev.beacon.api.content.sdks.SdksFeature;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.ServerContext;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;

/**
 * The developer-platform content: docs and the doc tree, SDKs and resources, light modules,
 * posters and the Q&A community. Who may see internal-only material is decided by {@link Viewer}.
 */
public final class ContentFeature implements Feature {
  private final List<Feature> parts = List.of(
      new DocsFeature(), new SdksFeature(), new LightModulesFeature(), new PostersFeature(), new QaFeature());

  @Override
  public List<Class<?>> entities() {
    List<Class<?>> all = new ArrayList<>();
    parts.forEach(p -> all.addAll(p.entities()));
    return all;
  }

  @Override
  public void mount(Router root, ServerContext ctx) {
    parts.forEach(p -> p.mount(root, ctx));
  }
}

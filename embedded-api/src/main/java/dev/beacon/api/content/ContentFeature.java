package dev.beacon.api.content;

import dev.beacon.api.content.docs.DocsFeature;
import dev.beacon.api.content.lightmodules.LightModulesFeature;
import dev.beacon.api.content.posters.PostersFeature;
import dev.beacon.api.content.qa.QaFeature;
import dev.beacon.api.content.sdks.SdksFeature;
import dev.beacon.api.core.FeatureGroup;
import java.util.List;

/**
 * The developer-platform content: docs and the doc tree, SDKs and resources, light modules,
 * posters and the Q&A community, each a feature of its own that gets every hook. Who may see
 * internal-only material is decided by {@link Viewer}.
 */
public final class ContentFeature extends FeatureGroup {
  public ContentFeature() {
    super(List.of(new DocsFeature(), new SdksFeature(), new LightModulesFeature(), new PostersFeature(), new QaFeature()));
  }
}

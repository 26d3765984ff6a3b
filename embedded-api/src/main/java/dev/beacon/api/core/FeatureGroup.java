package dev.beacon.api.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Several features served as one (e.g. the content feature's docs, SDKs, posters...): every hook
 * is passed on to each part, in order.
 */
public class FeatureGroup implements Feature {
  private final List<Feature> parts;

  public FeatureGroup(List<Feature> parts) {
    this.parts = List.copyOf(parts);
  }

  public List<Feature> parts() {
    return parts;
  }

  @Override
  public List<Class<?>> entities() {
    List<Class<?>> all = new ArrayList<>();
    parts.forEach(p -> all.addAll(p.entities()));
    return all;
  }

  @Override
  public List<DataFolder> dataFolders() {
    List<DataFolder> all = new ArrayList<>();
    parts.forEach(p -> all.addAll(p.dataFolders()));
    return all;
  }

  @Override
  public void prepare(Config config) {
    for (Feature p : parts) {
      p.prepare(config);
    }
  }

  @Override
  public void start(ServerContext ctx) throws Exception {
    for (Feature p : parts) {
      p.start(ctx);
    }
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    parts.forEach(p -> p.mount(routes, ctx));
  }

  @Override
  public void stop(ServerContext ctx) {
    parts.forEach(p -> p.stop(ctx));
  }

  /** Closes every part, even when one fails; the first failure is thrown, the others added to it. */
  @Override
  public void close(ServerContext ctx) throws Exception {
    Exception failed = null;
    for (Feature p : parts) {
      try {
        p.close(ctx);
      } catch (Exception e) {
        if (failed == null) {
          failed = e;
        } else {
          failed.addSuppressed(e);
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
  }
}

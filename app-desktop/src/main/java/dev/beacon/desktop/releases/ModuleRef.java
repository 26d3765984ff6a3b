package dev.beacon.desktop.releases;

import dev.beacon.desktop.client.Module;

/** What a release belongs to: the app itself ({@code moduleId} null) or one of its modules. */
public record ModuleRef(String moduleId, String name) {
  public static final ModuleRef APP = new ModuleRef(null, "The app itself");

  public static ModuleRef of(Module m) {
    return new ModuleRef(m.moduleId(), m.name());
  }

  public boolean app() {
    return moduleId == null;
  }

  @Override
  public String toString() {
    return app() ? name : "Module: " + name;
  }
}

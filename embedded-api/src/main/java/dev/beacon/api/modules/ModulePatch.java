package dev.beacon.api.modules;

import dev.beacon.api.core.Body;

/**
 * The fields a developer sends to create or edit a module. {@code null} means "not sent"; on
 * create name is required; on edit every field is optional but a sent one cannot be blank.
 */
record ModulePatch(String name, String desc, String icon) {
  static final int NAME_MAX = 255;
  static final int DESC_MAX = 4000;
  static final int ICON_MAX = 2000;

  static ModulePatch forCreate(Body b) {
    String desc = b.optionalString("desc", DESC_MAX);
    String icon = b.optionalString("icon", ICON_MAX);
    return new ModulePatch(b.requiredString("name", NAME_MAX).trim(),
        desc == null || desc.isBlank() ? null : desc, icon == null || icon.isBlank() ? null : icon.trim());
  }

  static ModulePatch forUpdate(Body b) {
    String name = b.optionalNonBlank("name", NAME_MAX);
    String icon = b.optionalNonBlank("icon", ICON_MAX);
    return new ModulePatch(name == null ? null : name.trim(), b.optionalNonBlank("desc", DESC_MAX), icon == null ? null : icon.trim());
  }

  /** Writes the sent fields into the module. */
  void applyTo(AppModule m) {
    if (name != null) {
      m.name = name;
    }
    if (desc != null) {
      m.desc = desc;
    }
    if (icon != null) {
      m.icon = icon;
    }
  }
}

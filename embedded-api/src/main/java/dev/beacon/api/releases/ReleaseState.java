package dev.beacon.api.releases;

import java.util.Locale;

/**
 * Where a version's release stands. {@link #ROLLING}, {@link #RELEASED} and {@link #HALTED} are
 * live (the version's {@code released} flag is set): rolling versions reach their rollout
 * percentage of machines, released ones every machine, halted ones only the machines that
 * already have them.
 */
public enum ReleaseState {
  DRAFT, ROLLING, RELEASED, HALTED, DISABLED;

  /** The name in answers and in the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean live() {
    return this == ROLLING || this == RELEASED || this == HALTED;
  }

  public static ReleaseState of(String wire) {
    return wire == null ? DRAFT : valueOf(wire.toUpperCase(Locale.ROOT));
  }
}

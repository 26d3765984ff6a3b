package dev.beacon.api.releases;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;

/**
 * The body of a version's {@code .../action}: {@code {"release":null}} or {@code {"disable":null}}
 * (the seed sends "disable " with a space: keys are trimmed).
 */
public final class ReleaseAction {
  private static final String RELEASE = "release";
  private static final String DISABLE = "disable";

  private ReleaseAction() {}

  /** {@code true} to release, {@code false} to disable; 4000 for any other body. */
  public static boolean release(Body b) {
    boolean release = b.has(RELEASE);
    if (b.json().size() != 1 || !(release || b.has(DISABLE))) {
      throw ApiException.badParameter("the body must be {\"release\":null} or {\"disable\":null}");
    }
    return release;
  }
}

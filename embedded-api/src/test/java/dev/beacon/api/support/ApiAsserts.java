package dev.beacon.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on family B answers. */
public final class ApiAsserts {
  private ApiAsserts() {}

  /** A success: HTTP 200 and code 1000. */
  public static void assertOk(Resp r) {
    assertEquals(200, r.status(), r::toString);
    assertEquals(1000, r.code(), r::toString);
  }

  /** An error with this HTTP status and code whose message says {@code words}. */
  public static void assertError(Resp r, int status, int code, String words) {
    assertEquals(status, r.status(), r::toString);
    assertEquals(code, r.code(), r::toString);
    assertTrue(r.msg().contains(words), () -> "the message should say '" + words + "': " + r.msg());
  }
}

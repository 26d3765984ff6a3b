package dev.beacon.api.fuzz;

import dev.beacon.api.support.Resp;
import io.vertx.core.json.JsonObject;

/**
 * The two error envelopes: family A ({@code /api/...}) {@code {"code":<the HTTP status>,"message":...}},
 * everything else {@code {"code":4xxx,"msg":...}} (a code whose first digit is the status's).
 */
final class Envelopes {
  private Envelopes() {}

  /** Whether an error answer to {@code path} is in that path's envelope. */
  static boolean matches(String path, Resp r) {
    JsonObject j;
    try {
      j = r.json();
    } catch (RuntimeException e) {
      return false;
    }
    if (!(j.getValue("code") instanceof Integer code)) {
      return false;
    }
    if (path.startsWith("/api/")) {
      return code == r.status() && j.getValue("message") instanceof String;
    }
    return j.getValue("msg") instanceof String && code >= 4000 && code < 6000;
  }
}

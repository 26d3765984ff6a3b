package dev.beacon.api.content;

import dev.beacon.api.auth.AuthGuard;
import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Params;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Who reads public content, and whether they may see internal-only material (SDKs with
 * authority 0, tree nodes flagged internal, and what hangs on them).
 *
 * <p>The seed passes an {@code openId} query parameter for this. An openId alone proves nothing
 * (anyone can copy one), so internal material needs the caller's {@code X-Auth-Token} and
 * {@code X-Openid} headers: an internal developer or an admin sees it. Without headers the
 * {@code openId} parameter is accepted and the public view is answered; with headers, an
 * {@code openId} other than the caller's is a 4003.
 */
public record Viewer(boolean seesInternal) {
  public static final Viewer PUBLIC = new Viewer(false);

  public static Future<Viewer> of(RoutingContext ctx, AuthGuard guard) {
    String claimed = Params.of(ctx).get("openId");
    return guard.optional(ctx).map(p -> {
      if (p == null) {
        return PUBLIC;
      }
      if (claimed != null && !claimed.equals(p.openId())) {
        throw ApiException.forbidden("openId is not the caller's (X-Openid)");
      }
      return of(p);
    });
  }

  /** Admins and internal developers see internal material. */
  public static Viewer of(Principal p) {
    return new Viewer(p.admin() || p.internal());
  }
}

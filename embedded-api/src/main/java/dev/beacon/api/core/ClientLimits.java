package dev.beacon.api.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/**
 * Request rates on the routes installed clients call without signing in (heartbeats, update
 * checks, error reports: the {@link DeclaredRoute.Kind#CLIENT} routes): a token bucket per client
 * address and one per app key, each answered 429 with {@code Retry-After} in the route's envelope.
 * The address is checked before the body is read; the key, read from the body, before the route's
 * own handler runs, whatever that handler does with the request. The address is the TCP peer's,
 * unless {@link Config#trustProxy()} says a reverse proxy in front writes the real one as the last
 * entry of {@code X-Forwarded-For}.
 */
public final class ClientLimits {
  /** Bodies above this are searched for the key on a worker thread, not on the event loop. */
  private static final int INLINE_SCAN = 64 * 1024;
  /** App keys are at most this long; longer values are cut for the bucket's name. */
  private static final int MAX_KEY = 64;
  private static final JsonFactory JSON = new JsonFactory();

  private final RateLimiter perAddress;
  private final RateLimiter perKey;
  private final boolean trustProxy;

  public ClientLimits(Config config) {
    this.perAddress = new RateLimiter(config.clientRatePerIp(), config.clientBurstPerIp());
    this.perKey = new RateLimiter(config.clientRatePerKey(), config.clientBurstPerKey());
    this.trustProxy = config.trustProxy();
  }

  /** The check per client address, to run before the body is read. */
  Handler<RoutingContext> perAddress() {
    return this::checkAddress;
  }

  /** The check per app key, read from the body field {@code field}: to run after the body is read. */
  Handler<RoutingContext> perKey(String field) {
    return ctx -> checkKey(ctx, field);
  }

  /** The check per app key, found by {@code key} outside the body (a header, the query). */
  Handler<RoutingContext> perKey(java.util.function.Function<RoutingContext, String> key) {
    return ctx -> {
      String k = perKey.enabled() ? key.apply(ctx) : null;
      long wait = k == null || k.isBlank() ? 0 : perKey.acquire(k.length() > MAX_KEY ? k.substring(0, MAX_KEY) : k);
      if (wait > 0) {
        ctx.fail(limited("too many requests for this app key", perKey, wait));
      } else {
        ctx.next();
      }
    };
  }

  private void checkAddress(RoutingContext ctx) {
    long wait = perAddress.enabled() ? perAddress.acquire(clientAddress(ctx, trustProxy)) : 0;
    if (wait > 0) {
      ctx.fail(limited("too many requests from this address", perAddress, wait));
    } else {
      ctx.next();
    }
  }

  private void checkKey(RoutingContext ctx, String field) {
    if (!perKey.enabled() || ctx.body() == null || ctx.body().buffer() == null) {
      ctx.next();
      return;
    }
    Buffer body = ctx.body().buffer();
    Future<String> key = body.length() <= INLINE_SCAN
        ? Future.succeededFuture(keyOf(body, field))
        : ctx.vertx().executeBlocking(() -> keyOf(body, field), false);
    key.onComplete(ar -> {
      String k = ar.succeeded() ? ar.result() : null;
      long wait = k == null ? 0 : perKey.acquire(k);
      if (wait > 0) {
        ctx.fail(limited("too many requests for this app key", perKey, wait));
      } else {
        ctx.next();
      }
    });
  }

  private static ApiException limited(String what, RateLimiter limiter, long wait) {
    return new ApiException(ApiException.RATE_LIMITED,
        what + " (limit: " + limiter.describe() + "); retry in " + wait + " s").retryAfterSeconds(wait);
  }

  /**
   * The top-level string field {@code field} of a JSON object body (names compared trimmed, as
   * the routes read them), or {@code null} when the body is not such an object. Streams the
   * tokens and skips nested values, so a long stack before the key costs no tree.
   */
  static String keyOf(Buffer body, String field) {
    if (body == null || body.length() == 0) {
      return null;
    }
    try (JsonParser p = JSON.createParser(body.getBytes())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name != null && name.trim().equals(field)) {
          if (value != JsonToken.VALUE_STRING) {
            return null;
          }
          String k = p.getText().trim();
          return k.isEmpty() ? null : k.length() > MAX_KEY ? k.substring(0, MAX_KEY) : k;
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null; // malformed JSON: the route answers it
    }
  }

  /**
   * The client's address: the TCP peer, or with a trusted proxy in front the last (the proxy's
   * own, unforgeable) entry of {@code X-Forwarded-For}.
   */
  public static String clientAddress(RoutingContext ctx, boolean trustProxy) {
    if (trustProxy) {
      String forwarded = ctx.request().getHeader("X-Forwarded-For");
      if (forwarded != null) {
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
          String hop = hops[i].trim();
          if (!hop.isEmpty()) {
            return hop.length() > 64 ? hop.substring(0, 64) : hop;
          }
        }
      }
    }
    return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
  }
}

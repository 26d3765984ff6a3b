package dev.beacon.api.core;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;

/**
 * How a request's body is read before its route runs. Beacon's routes read a body on
 * {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE} only, which are also the methods on
 * which Vert.x's {@link BodyHandler} can decode a form: on any other method it throws when the
 * content type says {@code multipart/form-data} or {@code application/x-www-form-urlencoded}. So
 * on those four methods Vert.x's body handler buffers the body (a form's fields decoded, files not
 * kept), and on every other method ({@code GET}, {@code HEAD}, {@code OPTIONS}, ...) the body,
 * whatever its content type, is read and dropped: the route answers as if none had come. Both
 * refuse a body over the limit with 413 (answered by {@link Failures} in the route's envelope).
 */
final class RequestBodies {
  /** The methods whose bodies routes read. */
  private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  private RequestBodies() {}

  /** The body step for bodies of up to {@code limit} bytes. */
  static Handler<RoutingContext> handler(long limit) {
    BodyHandler buffered = BodyHandler.create(false).setBodyLimit(limit);
    return ctx -> {
      if (WITH_BODY.contains(ctx.request().method())) {
        buffered.handle(ctx);
      } else {
        drop(ctx, limit);
      }
    };
  }

  /** Reads the body, if the request has one, without keeping it; then routes on. */
  private static void drop(RoutingContext ctx, long limit) {
    HttpServerRequest req = ctx.request();
    if (req.isEnded() || !hasBody(req)) {
      ctx.next();
      return;
    }
    long declared = contentLength(req);
    if (declared > limit) {
      ctx.fail(413);
      return;
    }
    boolean[] failed = {false};
    long[] read = {0};
    req.handler(buf -> {
      read[0] += buf.length();
      if (read[0] > limit && !failed[0]) {
        failed[0] = true;
        ctx.fail(413);
      }
    });
    req.exceptionHandler(err -> {
      if (!failed[0]) {
        failed[0] = true;
        ctx.fail(400, err);
      }
    });
    req.endHandler(v -> {
      if (!failed[0]) {
        ctx.next();
      }
    });
    req.resume();
  }

  /** Whether a body follows the head: a length or chunks (HTTP/2 always streams frames). */
  private static boolean hasBody(HttpServerRequest req) {
    return req.version() == HttpVersion.HTTP_2 || req.headers().contains(HttpHeaders.TRANSFER_ENCODING) || contentLength(req) >= 0;
  }

  private static long contentLength(HttpServerRequest req) {
    String value = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return value == null ? -1 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

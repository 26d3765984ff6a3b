package dev.beacon.api.core;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * A request whose body its route reads as a stream (a file upload) instead of the JSON body
 * handler buffering it. The body is held paused while guards run; the route calls
 * {@link #proceed} when it is ready to read. If an answer goes out before the body was read (an
 * upload refused by a guard, or over the size limit), the rest of the body is read and dropped,
 * up to {@link #DISCARD_LIMIT} bytes, so that the client, which may insist on sending it all,
 * gets to read the answer. Past that limit, or when the client still waits for a
 * {@code 100 Continue}, the exchange is cut: on HTTP/1.x by closing the connection (the answer
 * says {@code Connection: close}), on HTTP/2 by resetting the stream.
 */
public final class StreamedBody {
  /** How much of a refused body is read and dropped before the connection is cut. */
  public static final long DISCARD_LIMIT = 2L * 1024 * 1024;
  private static final String HELD = "beacon.streamedBody.held";
  private static final String PROCEEDED = "beacon.streamedBody.proceeded";
  /** The HTTP/2 error code CANCEL. */
  private static final long CANCEL = 0x8;

  private StreamedBody() {}

  /**
   * Pauses the request and arranges for a refused body to be dropped, then routes on. The server
   * runs it ahead of the JSON body handler on the routes declared with a streamed body.
   */
  static void hold(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    req.pause();
    ctx.put(HELD, true);
    ctx.addHeadersEndHandler(v -> {
      if (!req.isEnded() && req.version() != HttpVersion.HTTP_2) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
      }
    });
    ctx.addEndHandler(v -> {
      if (!req.isEnded()) {
        discardRest(ctx, req);
      }
    });
    ctx.next();
  }

  /** Whether {@link #hold} holds this request's body for its route to stream. */
  static boolean held(RoutingContext ctx) {
    return ctx.get(HELD) != null;
  }

  /** Lets the body flow: answers a client's {@code Expect: 100-continue}, then resumes the request. */
  public static void proceed(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    ctx.put(PROCEEDED, true);
    if (req.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
      ctx.response().writeContinue();
    }
    req.resume();
  }

  private static void discardRest(RoutingContext ctx, HttpServerRequest req) {
    boolean waitingForContinue = req.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)
        && ctx.get(PROCEEDED) == null;
    if (waitingForContinue) {
      // the client holds the body back until told to continue: nothing to drop
      cut(ctx, req);
      return;
    }
    long[] dropped = {0};
    req.handler(buf -> {
      dropped[0] += buf.length();
      if (dropped[0] > DISCARD_LIMIT) {
        cut(ctx, req);
      }
    });
    req.exceptionHandler(err -> { });
    req.endHandler(v -> {
      if (req.version() != HttpVersion.HTTP_2) {
        req.connection().close();
      }
    });
    req.resume();
  }

  /** Ends the exchange without reading the rest of the body. */
  private static void cut(RoutingContext ctx, HttpServerRequest req) {
    if (req.version() == HttpVersion.HTTP_2) {
      ctx.response().reset(CANCEL);
    } else {
      req.connection().close();
    }
  }
}

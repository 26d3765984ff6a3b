package dev.beacon.api.core;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into answers. Family A ({@code /api/v1}) answers
 * {@code {"code":<http status>,"message":...}}; everything else the family B envelope
 * {@code {"code":4xxx,"msg":...}}. Unexpected exceptions are logged once and answered as 5000.
 */
public final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private final int jsonBodyLimit;

  public Failures(int jsonBodyLimit) {
    this.jsonBodyLimit = jsonBodyLimit;
  }

  /** Failure handler for every route. */
  public void handle(RoutingContext ctx) {
    ApiException e = toApiException(ctx);
    respond(ctx, e);
  }

  /** Handler for paths no route matches (404) or matched with another method (405). */
  public void unmatched(RoutingContext ctx) {
    int status = ctx.statusCode();
    String what = ctx.request().method() + " " + ctx.request().path();
    ApiException e = status == 405
        ? new ApiException(ApiException.BAD_PARAMETER, "method not allowed: " + what)
        : ApiException.notFound("no such endpoint: " + what);
    respond(ctx, e, status == 405 ? 405 : 404);
  }

  /**
   * Requests the HTTP decoder refused before any route saw them (a request line over 4 KiB: 414,
   * headers over 8 KiB: 431, anything else malformed: 400): answered in the envelope of the
   * family the target names (family B when the target itself could not be read), and the
   * connection closed, as Vert.x's own handler does (a lingering close).
   */
  public static void invalidRequest(HttpServerRequest req) {
    Throwable cause = req.decoderResult() == null ? null : req.decoderResult().cause();
    int status = cause instanceof TooLongHttpLineException ? 414 : cause instanceof TooLongHttpHeaderException ? 431 : 400;
    String message = switch (status) {
      case 414 -> "the request line is longer than the limit of " + HttpServerOptions.DEFAULT_MAX_INITIAL_LINE_LENGTH + " bytes";
      case 431 -> "the request headers are larger than the limit of " + HttpServerOptions.DEFAULT_MAX_HEADER_SIZE + " bytes";
      default -> "malformed HTTP request";
    };
    String uri = req.uri();
    JsonObject body = uri != null && uri.startsWith("/api/")
        ? new JsonObject().put("code", status).put("message", message)
        : new JsonObject().put("code", ApiException.BAD_PARAMETER).put("msg", message);
    // the connection cannot be trusted to be at a request boundary: say so, then close it, reading
    // and dropping for a while what the client still sends so that a reset does not eat the answer
    LingeringClose.arm(req.connection());
    req.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Connection", "close")
        .end(body.encode()).onComplete(v -> req.connection().close());
  }

  private ApiException toApiException(RoutingContext ctx) {
    Throwable t = ctx.failure();
    if (t instanceof ApiException api) {
      return api;
    }
    if (t != null && t.getCause() instanceof ApiException api) {
      return api;
    }
    if (isConstraintViolation(t)) {
      // a race past an explicit check (two creates with the same unique value at once)
      return ApiException.rule("the change conflicts with existing data (a duplicate, or something still referenced); reload and try again");
    }
    int status = t instanceof HttpException he ? he.getStatusCode() : ctx.statusCode();
    if (status == 413) {
      return new ApiException(ApiException.TOO_LARGE, "request body is larger than the limit of " + BodyLimits.of(ctx, jsonBodyLimit) + " bytes");
    }
    if (status == 400) {
      return ApiException.badParameter("bad request" + (t != null && t.getMessage() != null ? ": " + t.getMessage() : ""));
    }
    if (status == 401) {
      return ApiException.authFailed("authentication failed");
    }
    if (status == 403) {
      return ApiException.forbidden("forbidden");
    }
    if (status == 404) {
      return ApiException.notFound("not found");
    }
    LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), t);
    return new ApiException(ApiException.INTERNAL, "internal error; the server log has the details");
  }

  private void respond(RoutingContext ctx, ApiException e) {
    // family B sends an over-size body as 4000 / 400, as the contract says
    if (e.code() == ApiException.TOO_LARGE && !isFamilyA(ctx)) {
      respond(ctx, new ApiException(ApiException.BAD_PARAMETER, e.getMessage()), 400);
      return;
    }
    respond(ctx, e, e.httpStatus());
  }

  private void respond(RoutingContext ctx, ApiException e, int status) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    JsonObject body = isFamilyA(ctx)
        ? new JsonObject().put("code", status).put("message", e.getMessage())
        : new JsonObject().put("code", e.code()).put("msg", e.getMessage());
    var resp = ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8");
    if (e.retryAfterSeconds() > 0) {
      resp.putHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
    } else if (status == 429 || status == 503) {
      resp.putHeader("Retry-After", "1");
    }
    resp.end(body.encode());
  }

  /** Whether a database integrity constraint (SQLSTATE class 23) caused the failure. */
  static boolean isConstraintViolation(Throwable t) {
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  static boolean isFamilyA(RoutingContext ctx) {
    return ctx.request().path().startsWith("/api/");
  }
}

package dev.beacon.api.sentry;

import dev.beacon.api.core.ApiException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers in the shape Sentry's SDKs read: success {@code 200 {"id": ...}}, failures
 * {@code {"detail": "..."}} with the HTTP status (plus {@code code} and {@code message}, the
 * envelope of the telemetry API's other {@code /api/} routes), and for 429 {@code Retry-After} and
 * {@code X-Sentry-Rate-Limits: <seconds>::organization} (every category), which the SDKs obey.
 * The failure handler of the ingest routes: it answers the server's limits and guards too.
 */
final class SentryAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(SentryAnswers.class);

  /** The headers of the ok answer, made once (Vert.x writes pre-made ones without encoding them again). */
  private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

  private SentryAnswers() {}

  static void ok(RoutingContext ctx, String eventId) {
    if (ctx.response().ended()) {
      return;
    }
    // an event id is 32 hex digits (EventReader.eventId): nothing in it to escape
    boolean hex = eventId != null && eventId.length() == 32
        && eventId.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    String body = hex ? "{\"id\":\"" + eventId + "\"}" : new JsonObject().put("id", eventId).encode();
    ctx.response().setStatusCode(200).putHeader(CONTENT_TYPE, JSON).end(body);
  }

  /** The failure handler of the ingest routes. */
  static void failed(RoutingContext ctx) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    Throwable t = ctx.failure();
    if (t != null && !(t instanceof ApiException) && t.getCause() instanceof ApiException cause) {
      t = cause;
    }
    int status;
    String detail;
    int retryAfter = 0;
    if (t instanceof ApiException api) {
      status = api.httpStatus();
      detail = api.getMessage();
      retryAfter = api.retryAfterSeconds();
    } else if (t instanceof SentryRefusal r) {
      status = r.status;
      detail = r.getMessage();
    } else if (t instanceof HttpException he) {
      status = he.getStatusCode();
      detail = he.getPayload() != null ? he.getPayload() : "request refused";
    } else if (t == null && ctx.statusCode() > 0) {
      status = ctx.statusCode();
      detail = "request refused";
    } else {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), t);
      status = 500;
      detail = "internal error; the server log has the details";
    }
    var resp = ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json");
    if (status == 429) {
      int seconds = Math.max(1, retryAfter);
      resp.putHeader("Retry-After", Integer.toString(seconds));
      resp.putHeader("X-Sentry-Rate-Limits", seconds + "::organization");
    }
    // Sentry's detail, beside the telemetry API's envelope that every /api/ route answers
    resp.end(new JsonObject().put("detail", detail).put("code", status).put("message", detail).encode());
  }

  /** A refusal with a status the server's codes do not have (415), or said in Sentry's words. */
  static final class SentryRefusal extends RuntimeException {
    final int status;

    SentryRefusal(int status, String detail) {
      super(detail, null, false, false);
      this.status = status;
    }
  }

  static SentryRefusal tooLarge(String detail) {
    return new SentryRefusal(413, detail);
  }

  static SentryRefusal bad(String detail) {
    return new SentryRefusal(400, detail);
  }
}

package dev.beacon.api.core;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writing answers: the family B envelope {@code {"code":1000,"msg":"success", ...}}. */
public final class Http {
  public static final int OK = 1000;

  private Http() {}

  /** A fresh success envelope to add fields to. */
  public static JsonObject ok() {
    return new JsonObject().put("code", OK).put("msg", "success");
  }

  /** A success envelope that also carries {@code message}, for endpoints whose seed sample uses it. */
  public static JsonObject okWithMessage() {
    return ok().put("message", "success");
  }

  /** Sends a JSON object with status 200. */
  public static void send(RoutingContext ctx, JsonObject body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
  }

  /** Sends the result when it completes, or fails the context so that the failure handler answers. */
  public static void reply(RoutingContext ctx, Future<JsonObject> result) {
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        send(ctx, ar.result());
      } else {
        ctx.fail(ar.cause());
      }
    });
  }
}

package dev.beacon.desktop.client;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small typed client of the Beacon REST API over {@code java.net.http}. Blocking: call it from a
 * background task, never from the FX thread. The window reaches the server only through this
 * class, so the same screens can later talk to a remote server.
 */
public final class BeaconClient {
  static final int OK = 1000;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final URI base;
  private final HttpClient http;

  /** A client of the server at {@code base}, e.g. {@code http://127.0.0.1:8470/}. */
  public BeaconClient(URI base) {
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s : s + "/");
    this.http = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  public URI base() {
    return base;
  }

  /** {@code GET /health}. */
  public Health health() throws ApiError {
    JsonObject j = call(get("health"));
    return new Health(text(j, "status"), text(j, "version"), text(j, "startedAt"), number(j, "requests"));
  }

  /** {@code POST /v1/auth/login}: signs in with an account and password. */
  public Session login(String account, String password) throws ApiError {
    JsonObject body = new JsonObject().put("account", account).put("password", password);
    JsonObject j = call(post("v1/auth/login", body));
    return new Session(text(j, "openId"), text(j, "token"), Boolean.TRUE.equals(j.getValue("admin")));
  }

  private HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpRequest post(String path, JsonObject body) {
    return request(path)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8))
        .build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
  }

  /** Sends the request and returns the envelope when its code is 1000; anything else is an {@link ApiError}. */
  private JsonObject call(HttpRequest req) throws ApiError {
    HttpResponse<String> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ApiError(ApiError.UNREACHABLE, "cannot reach " + base + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(ApiError.UNREACHABLE, "interrupted while calling " + base, e);
    }
    JsonObject j;
    try {
      j = new JsonObject(resp.body());
    } catch (DecodeException | ClassCastException e) {
      throw new ApiError(ApiError.BAD_ANSWER,
          "unexpected answer from " + req.method() + " " + req.uri().getPath() + " (HTTP " + resp.statusCode() + ")", e);
    }
    Object code = j.getValue("code");
    if (!(code instanceof Number n)) {
      throw new ApiError(ApiError.BAD_ANSWER,
          "answer without a code from " + req.method() + " " + req.uri().getPath() + " (HTTP " + resp.statusCode() + ")");
    }
    if (n.intValue() != OK) {
      String msg = text(j, "msg");
      if (msg == null) {
        msg = text(j, "message");
      }
      throw new ApiError(n.intValue(), msg == null ? "HTTP " + resp.statusCode() : msg);
    }
    return j;
  }

  private static String text(JsonObject j, String field) {
    Object v = j.getValue(field);
    return v == null ? null : v.toString();
  }

  private static long number(JsonObject j, String field) {
    Object v = j.getValue(field);
    return v instanceof Number n ? n.longValue() : 0L;
  }

  private static String describe(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "timed out";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}

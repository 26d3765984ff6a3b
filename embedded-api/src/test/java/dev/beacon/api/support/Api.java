package dev.beacon.api.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small blocking HTTP client for tests, optionally signed in (X-Auth-Token + X-Openid). Every
 * request it sends and every answer it gets is checked against {@code openapi.yaml}
 * ({@link SpecCheck}) unless the test sends it malformed on purpose through {@link #unchecked()}.
 */
public final class Api {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String base;
  public final String openId;
  public final String token;
  private final boolean checked;

  public Api(String base, String openId, String token) {
    this(base, openId, token, true);
  }

  private Api(String base, String openId, String token, boolean checked) {
    this.base = base;
    this.openId = openId;
    this.token = token;
    this.checked = checked;
  }

  /**
   * The same client for requests a test sends malformed on purpose: neither they nor their
   * answers are checked against {@code openapi.yaml}.
   */
  public Api unchecked() {
    return new Api(base, openId, token, false);
  }

  /** The same server without credentials. */
  public Api anonymous() {
    return new Api(base, null, null, checked);
  }

  /** The same server with other credentials (e.g. a mismatched openId). */
  public Api as(String openId, String token) {
    return new Api(base, openId, token, checked);
  }

  public String base() {
    return base;
  }

  public Resp get(String path) {
    return send(request(path).GET(), "");
  }

  public Resp delete(String path) {
    return send(request(path).DELETE(), "");
  }

  public Resp post(String path, Object json) {
    return raw("POST", path, encode(json), "application/json");
  }

  public Resp put(String path, Object json) {
    return raw("PUT", path, encode(json), "application/json");
  }

  /** Any method with a raw body and content type (for malformed-input tests). */
  public Resp raw(String method, String path, String body, String contentType) {
    HttpRequest.Builder b = request(path).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b, body == null ? "" : body);
  }

  private static String encode(Object json) {
    if (json == null) {
      return "";
    }
    if (json instanceof String s) {
      return s;
    }
    return json instanceof JsonObject o ? o.encode() : io.vertx.core.json.Json.encode(json);
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("X-Auth-Token", token);
    }
    if (openId != null) {
      b.header("X-Openid", openId);
    }
    return b;
  }

  /**
   * Sends a request the test built; unless {@link #unchecked()}, it and its answer are checked
   * against {@code openapi.yaml} (its body not, since it is a stream here).
   */
  public Resp send(HttpRequest.Builder b) {
    return send(b, null);
  }

  private Resp send(HttpRequest.Builder b, String body) {
    HttpRequest request = b.build();
    Resp resp;
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      resp = new Resp(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (checked) {
      SpecCheck.verify(request, body, resp);
    }
    return resp;
  }
}

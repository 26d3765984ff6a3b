package dev.beacon.desktop.client;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

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
  private final Session session;

  /**
   * Does, on a thread of its own, what the JVM's first HTTP client costs once (the JDK's default TLS
   * context, which reads its trust store: 0.1 s at a start), so that the console's first client,
   * made as soon as its server runs, does not wait for it.
   */
  public static void prepare() {
    Thread t = new Thread(() -> {
      try {
        javax.net.ssl.SSLContext.getDefault();
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      } catch (java.security.NoSuchAlgorithmException | RuntimeException e) {
        // the first real client meets the same problem and reports it
      }
    }, "beacon-client-prepare");
    t.setDaemon(true);
    t.start();
  }

  /** A client of the server at {@code base}, e.g. {@code http://127.0.0.1:8470/}. */
  public BeaconClient(URI base) {
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s : s + "/");
    this.http = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    this.session = null;
  }

  private BeaconClient(URI base, HttpClient http, Session session) {
    this.base = base;
    this.http = http;
    this.session = session;
  }

  /** The same server, calling as {@code session} (its token and openId go with every request). */
  public BeaconClient as(Session session) {
    return new BeaconClient(base, http, session);
  }

  /** The signed-in developer, or null. */
  public Session session() {
    return session;
  }

  /** The signed-in developer's openId, for paths such as {@code v1/user/{openId}/apps}; fails when not signed in. */
  public String openId() {
    if (session == null) {
      throw new IllegalStateException("not signed in");
    }
    return session.openId();
  }

  /** {@code v1/user/{openId}/rest}: a path under the signed-in developer; fails when not signed in. */
  public String userPath(String rest) {
    return "v1/user/" + openId() + "/" + rest;
  }

  public URI base() {
    return base;
  }

  /** {@code GET /health}. */
  public Health health() throws ApiError {
    JsonObject j = call(request("health").GET().build());
    return new Health(text(j, "status"), text(j, "version"), text(j, "startedAt"), number(j, "requests"));
  }

  /** {@code POST /v1/auth/login}: signs in with an account and password. */
  public Session login(String account, String password) throws ApiError {
    JsonObject body = new JsonObject().put("account", account).put("password", password);
    JsonObject j = post("v1/auth/login", body);
    return new Session(text(j, "openId"), text(j, "token"), Boolean.TRUE.equals(j.getValue("admin")));
  }

  /** {@code GET path?query}: the answer's envelope (code 1000, or 200 on {@code /api/**}). */
  public JsonObject get(String path, Map<String, ?> query) throws ApiError {
    return call(request(withQuery(path, query)).GET().build());
  }

  /** {@code POST path} with a JSON body. */
  public JsonObject post(String path, JsonObject body) throws ApiError {
    return call(json(path, "POST", body));
  }

  /** {@code PUT path} with a JSON body. */
  public JsonObject put(String path, JsonObject body) throws ApiError {
    return call(json(path, "PUT", body));
  }

  /** {@code DELETE path}. */
  public JsonObject delete(String path) throws ApiError {
    return call(request(path).DELETE().build());
  }

  /**
   * {@code GET path?query} for an answer that is not JSON (a CSV export, rendered markdown):
   * its body as text when the status is 2xx, else the envelope's error as an {@link ApiError}.
   */
  public String text(String path, Map<String, ?> query) throws ApiError {
    HttpRequest req = request(withQuery(path, query)).header("Accept", "*/*").GET().build();
    HttpResponse<String> resp = send(req);
    if (resp.statusCode() / 100 == 2) {
      return resp.body();
    }
    envelope(req, resp);
    throw new ApiError(ApiError.BAD_ANSWER, "HTTP " + resp.statusCode() + " from GET " + req.uri().getPath());
  }

  /**
   * {@code GET path} of a file, saved to {@code target} (replaced) when the status is 2xx, else the
   * envelope's error as an {@link ApiError}.
   */
  public void download(String path, java.nio.file.Path target) throws ApiError {
    HttpRequest req = request(path).header("Accept", "*/*").GET().build();
    java.nio.file.Path part = target.resolveSibling(target.getFileName() + ".part");
    try {
      HttpResponse<java.nio.file.Path> resp = http.send(req, HttpResponse.BodyHandlers.ofFile(part));
      if (resp.statusCode() / 100 == 2) {
        java.nio.file.Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return;
      }
      String body = java.nio.file.Files.readString(part, StandardCharsets.UTF_8);
      java.nio.file.Files.deleteIfExists(part);
      envelope(req, new TextAnswer(resp, body));
      throw new ApiError(ApiError.BAD_ANSWER, "HTTP " + resp.statusCode() + " from GET " + req.uri().getPath());
    } catch (IOException e) {
      throw new ApiError(ApiError.UNREACHABLE, "cannot download from " + base + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(ApiError.UNREACHABLE, "interrupted while calling " + base, e);
    }
  }

  /** A file answer's error body read back as text, for {@link #envelope}. */
  private record TextAnswer(HttpResponse<?> of, String body) implements HttpResponse<String> {
    @Override public int statusCode() { return of.statusCode(); }
    @Override public HttpRequest request() { return of.request(); }
    @Override public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
    @Override public java.net.http.HttpHeaders headers() { return of.headers(); }
    @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return of.sslSession(); }
    @Override public URI uri() { return of.uri(); }
    @Override public java.net.http.HttpClient.Version version() { return of.version(); }
  }

  private HttpRequest json(String path, String method, JsonObject body) {
    return request(path)
        .header("Content-Type", "application/json; charset=utf-8")
        .method(method, HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8))
        .build();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
        .timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
    if (session != null) {
      b.header("X-Auth-Token", session.token()).header("X-Openid", session.openId());
    }
    return b;
  }

  /** {@code path} with the non-null query values appended, URL-encoded. */
  static String withQuery(String path, Map<String, ?> query) {
    if (query == null || query.isEmpty()) {
      return path;
    }
    StringBuilder sb = new StringBuilder(path);
    char sep = path.contains("?") ? '&' : '?';
    for (Map.Entry<String, ?> e : query.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      sb.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=').append(URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return sb.toString();
  }

  /**
   * Sends the request and returns the envelope when its code says success (1000, or 200 on the
   * {@code /api/**} family); anything else is an {@link ApiError}.
   */
  private JsonObject call(HttpRequest req) throws ApiError {
    return envelope(req, send(req));
  }

  private HttpResponse<String> send(HttpRequest req) throws ApiError {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ApiError(ApiError.UNREACHABLE, "cannot reach " + base + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(ApiError.UNREACHABLE, "interrupted while calling " + base, e);
    }
  }

  private static JsonObject envelope(HttpRequest req, HttpResponse<String> resp) throws ApiError {
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
    boolean familyA = req.uri().getPath().startsWith("/api/");
    if (n.intValue() != OK && !(familyA && n.intValue() == 200)) {
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

package dev.beacon.api.core;

import dev.beacon.api.core.DeclaredRoute.Kind;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where features declare their routes by kind, with full paths, e.g.
 * {@code routes.post("/v1/user/:openId/app").developer(this::create)} or
 * {@code routes.post("/v1/logs").bodyLimit(max).client("appKey", this::log)}. The server mounts
 * them once every feature has declared its own ({@link RouteMounter}): the guard, the rate limits
 * and the body handler follow from the declaration, not from the order of the features.
 */
public final class Routes {
  /**
   * A path prefix whose every request meets the guard of {@code kind}, also on paths and methods no
   * route serves (they answer the guard's 401/403 before their 404/405). Routes declared below the
   * prefix must be at least as guarded, but for parameterless paths: those may be declared weaker
   * and are left out of the area, with or without a trailing slash.
   */
  public record Area(String prefix, Kind kind) {}

  private final List<DeclaredRoute> declared = new ArrayList<>();
  private final List<Area> areas = new ArrayList<>();
  private final List<Access> access = new ArrayList<>();

  public Declaring get(String path) {
    return new Declaring(HttpMethod.GET, path);
  }

  public Declaring head(String path) {
    return new Declaring(HttpMethod.HEAD, path);
  }

  public Declaring post(String path) {
    return new Declaring(HttpMethod.POST, path);
  }

  public Declaring put(String path) {
    return new Declaring(HttpMethod.PUT, path);
  }

  public Declaring delete(String path) {
    return new Declaring(HttpMethod.DELETE, path);
  }

  /** Fences {@code prefix} (e.g. {@code "/v1/admin/"}) with the guard of {@code kind}. */
  public void area(String prefix, Kind kind) {
    if (!prefix.startsWith("/") || !prefix.endsWith("/") || kind.ordinal() < Kind.DEVELOPER.ordinal()) {
      throw new IllegalArgumentException("an area is a path prefix ending in / with a developer or admin guard: " + prefix + " " + kind);
    }
    areas.add(new Area(prefix, kind));
  }

  /** The guards of developer and admin routes (the auth feature provides them). */
  public void provide(Access guards) {
    access.add(Objects.requireNonNull(guards));
  }

  List<DeclaredRoute> declared() {
    return List.copyOf(declared);
  }

  List<Area> areas() {
    return List.copyOf(areas);
  }

  List<Access> access() {
    return List.copyOf(access);
  }

  /** A route being declared: say how its body is read, then who may call it and what answers. */
  public final class Declaring {
    private final HttpMethod method;
    private final String path;
    private boolean streamed;
    private int bodyLimit;
    private Handler<RoutingContext> failures;

    private Declaring(HttpMethod method, String path) {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("a route's path is a full path: " + path);
      }
      this.method = method;
      this.path = path;
    }

    /** Takes bodies of up to {@code bytes} instead of {@link Config#jsonBodyLimit()} (413 over it). */
    public Declaring bodyLimit(int bytes) {
      if (bytes <= 0 || streamed) {
        throw new IllegalArgumentException("a body limit is positive, and not for a streamed body: " + path);
      }
      this.bodyLimit = bytes;
      return this;
    }

    /**
     * The handler reads the body as a stream (file uploads): no JSON body handler, the request is
     * held paused until the handler calls {@link StreamedBody#proceed}.
     */
    public Declaring streamedBody() {
      if (bodyLimit > 0) {
        throw new IllegalArgumentException("a streamed body has no JSON body limit: " + path);
      }
      this.streamed = true;
      return this;
    }

    /**
     * Answers this route's failures (guards, limits, the handler's own) itself instead of the
     * server's envelope, e.g. in another project's protocol. It runs for every failure of the
     * route, before the server's failure handler; it must end the response.
     */
    public Declaring failures(Handler<RoutingContext> answer) {
      this.failures = Objects.requireNonNull(answer);
      return this;
    }

    /** Anyone may call it; the handler checks what it needs. */
    public void open(Handler<RoutingContext> handler) {
      add(Kind.OPEN, null, handler);
    }

    /**
     * Installed clients call it with the app key in the body field {@code keyField}: the rate limit
     * per address runs before the body is read, the one per app key after.
     */
    public void client(String keyField, Handler<RoutingContext> handler) {
      if (keyField == null || keyField.isBlank()) {
        throw new IllegalArgumentException("a client route names its app key field: " + path);
      }
      add(Kind.CLIENT, keyField, handler);
    }

    /** A signed-in developer; an {@code :openId} in the path must be the caller's. */
    public void developer(Handler<RoutingContext> handler) {
      add(Kind.DEVELOPER, null, handler);
    }

    /** A signed-in admin. */
    public void admin(Handler<RoutingContext> handler) {
      add(Kind.ADMIN, null, handler);
    }

    /**
     * Installed clients call it with the app key where {@code key} finds it without the body (a
     * header, the query), or {@code null} when it is not there: the rate limit per address runs
     * before the body is read, the one per key as soon as the key is known, before the handler.
     */
    public void client(Function<RoutingContext, String> key, Handler<RoutingContext> handler) {
      add(Kind.CLIENT, null, Objects.requireNonNull(key), handler);
    }

    private void add(Kind kind, String keyField, Handler<RoutingContext> handler) {
      add(kind, keyField, null, handler);
    }

    private void add(Kind kind, String keyField, Function<RoutingContext, String> keyReader, Handler<RoutingContext> handler) {
      declared.add(new DeclaredRoute(method, path, kind, keyField, keyReader, streamed, bodyLimit, failures,
          Objects.requireNonNull(handler)));
    }
  }
}

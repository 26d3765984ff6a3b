package dev.beacon.api.core;

import dev.beacon.api.core.DeclaredRoute.Kind;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mounts the declared routes ({@link Routes}) on the root router, in phases that every request
 * goes through in this order, whichever feature declared its route:
 * <ol>
 *   <li>client routes: the rate limit per address, before anything reads the body;
 *   <li>routes with a body limit of their own: the body handler with that limit;
 *   <li>every request: counted, and refused when its URI holds a NUL;
 *   <li>routes with a streamed body: held paused; every other request: its body read (or, on a
 *       method whose body no route reads, dropped) by {@link RequestBodies};
 *   <li>areas: their guard, for every request below their prefix;
 *   <li>each route: for client routes the rate limit per app key, for developer and admin routes
 *       their guard, then the route's handler;
 * </ol>
 * then the failure handler (a route that answers its own failures has its handler ahead of it) and the 404/405 answers. It refuses to mount (the server does not
 * start) a developer or admin route or an area without exactly one provider of {@link Access},
 * a route declared twice, or a route below an area that is less guarded than the area and has
 * path parameters.
 */
final class RouteMounter {
  private RouteMounter() {}

  static Router mount(Vertx vertx, Config config, Routes routes, AtomicLong requests) {
    List<DeclaredRoute> declared = routes.declared();
    Access access = access(routes, declared);
    List<AreaGuard> areas = new ArrayList<>();
    for (Routes.Area area : routes.areas()) {
      areas.add(new AreaGuard(area.prefix(), exemptions(area, declared), guard(access, area.kind())));
    }
    refuseDuplicates(declared);

    Router root = Router.router(vertx);
    for (DeclaredRoute r : declared) {
      if (r.failures() != null) {
        route(root, r).failureHandler(r.failures());
      }
    }
    ClientLimits limits = new ClientLimits(config);
    for (DeclaredRoute r : declared) {
      if (r.kind() == Kind.CLIENT) {
        route(root, r).handler(limits.perAddress());
      }
    }
    for (DeclaredRoute r : declared) {
      if (r.bodyLimit() > 0) {
        BodyLimits.raise(root, r.method(), r.path(), r.bodyLimit());
      }
    }
    root.route().handler(ctx -> {
      requests.incrementAndGet();
      ctx.next();
    });
    root.route().handler(NulBytes::rejectInUri);
    for (DeclaredRoute r : declared) {
      if (r.streamedBody()) {
        route(root, r).handler(StreamedBody::hold);
      }
    }
    Handler<RoutingContext> body = RequestBodies.handler(config.jsonBodyLimit());
    root.route().handler(ctx -> {
      if (StreamedBody.held(ctx)) {
        ctx.next();
      } else {
        body.handle(ctx);
      }
    });
    for (AreaGuard area : areas) {
      root.route(area.prefix() + "*").handler(area::handle);
    }
    for (DeclaredRoute r : declared) {
      Route route = route(root, r);
      switch (r.kind()) {
        case CLIENT -> route.handler(r.keyField() != null ? limits.perKey(r.keyField()) : limits.perKey(r.keyReader()));
        case DEVELOPER, ADMIN -> route.handler(guard(access, r.kind()));
        case OPEN -> { }
      }
      route.handler(r.handler());
    }
    Failures failures = new Failures(config.jsonBodyLimit());
    root.route().failureHandler(failures::handle);
    root.errorHandler(404, failures::unmatched);
    root.errorHandler(405, failures::unmatched);
    return root;
  }

  private static Route route(Router root, DeclaredRoute r) {
    return root.route(r.method(), r.path());
  }

  /** The one provider of the guards, or {@code null} when no route needs one. */
  private static Access access(Routes routes, List<DeclaredRoute> declared) {
    List<Access> provided = routes.access();
    if (provided.size() > 1) {
      throw new IllegalStateException("more than one feature provides the developer and admin guards");
    }
    List<String> guarded = declared.stream().filter(r -> r.kind().atLeast(Kind.DEVELOPER)).map(DeclaredRoute::toString).toList();
    if (provided.isEmpty() && (!guarded.isEmpty() || !routes.areas().isEmpty())) {
      throw new IllegalStateException("no feature provides the developer and admin guards that these need: "
          + (guarded.isEmpty() ? routes.areas() : guarded));
    }
    return provided.isEmpty() ? null : provided.get(0);
  }

  private static Handler<RoutingContext> guard(Access access, Kind kind) {
    return kind == Kind.ADMIN ? access.admin() : access.developer();
  }

  /**
   * The paths (without a trailing slash) of the routes below the area that are less guarded than
   * it; a path with parameters cannot be one.
   */
  private static Set<String> exemptions(Routes.Area area, List<DeclaredRoute> declared) {
    Set<String> exempt = new HashSet<>();
    for (DeclaredRoute r : declared) {
      boolean below = r.path().startsWith(area.prefix()) || r.path().equals(withoutTrailingSlash(area.prefix()));
      if (!below || r.kind().atLeast(area.kind())) {
        continue;
      }
      if (r.path().contains(":") || r.path().contains("*")) {
        throw new IllegalStateException(r + " is below the " + area.kind() + " area " + area.prefix()
            + ": declare it " + area.kind() + " or give it a path outside the area");
      }
      exempt.add(withoutTrailingSlash(r.path()));
    }
    return exempt;
  }

  private static void refuseDuplicates(List<DeclaredRoute> declared) {
    Set<String> seen = new HashSet<>();
    for (DeclaredRoute r : declared) {
      if (!seen.add(r.method() + " " + withoutTrailingSlash(r.path()))) {
        throw new IllegalStateException("the route " + r.endpoint() + " is declared twice");
      }
    }
  }

  private static String withoutTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** The guard of an area, which lets through the paths of the less guarded routes below it. */
  private record AreaGuard(String prefix, Set<String> exempt, Handler<RoutingContext> guard) {
    void handle(RoutingContext ctx) {
      if (exempt.contains(withoutTrailingSlash(ctx.request().path()))) {
        ctx.next();
      } else {
        guard.handle(ctx);
      }
    }
  }
}

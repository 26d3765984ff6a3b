package dev.beacon.api.core;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** One feature of the server: its entities for Hibernate and its routes. */
public interface Feature {
  /** Entity classes this feature stores with Hibernate. */
  default List<Class<?>> entities() {
    return List.of();
  }

  /** Blocking work to do once before the server takes requests (runs on a worker thread). */
  default void start(ServerContext ctx) throws Exception {}

  /**
   * Whether one of this feature's routes reads the request's body as a stream (file uploads).
   * Such a request skips the JSON body handler and is held paused ({@link StreamedBody}) until
   * the route reads it.
   */
  default boolean streamsBody(RoutingContext ctx) {
    return false;
  }

  /** Adds this feature's routes, with full paths, to the root router. */
  void mount(Router root, ServerContext ctx);

  /**
   * Called on an event loop when the server stops, before the database closes: cancel timers
   * here. Must not block.
   */
  default void stop(ServerContext ctx) {}

  /**
   * Blocking work once the server has stopped taking requests, before the database closes (runs
   * on a worker thread): write out what is kept in memory.
   */
  default void close(ServerContext ctx) throws Exception {}
}

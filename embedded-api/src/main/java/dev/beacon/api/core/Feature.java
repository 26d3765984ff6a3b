package dev.beacon.api.core;

import java.util.List;

/**
 * One feature of the server: its entities for Hibernate, the folders it keeps data in, and its
 * routes. The server runs every hook of every feature it is given, in the list's order.
 */
public interface Feature {
  /** Entity classes this feature stores with Hibernate. */
  default List<Class<?>> entities() {
    return List.of();
  }

  /** The folders of the data folder this feature keeps data in (backups copy them). */
  default List<DataFolder> dataFolders() {
    return List.of();
  }

  /**
   * Called first, before the database opens, on the worker thread that then opens it and calls
   * {@link #start}: begin here (on a thread of your own) work that needs no database, so that it
   * runs alongside the migrations and Hibernate's boot instead of after them. Must return at once.
   */
  default void prepare(Config config) {}

  /** Blocking work to do once before the server takes requests (runs on a worker thread). */
  default void start(ServerContext ctx) throws Exception {}

  /**
   * Declares this feature's routes, with full paths and by kind ({@link Routes}), and sets up
   * what serves them (runs on an event loop). The server mounts them once every feature has
   * declared its own.
   */
  void mount(Routes routes, ServerContext ctx);

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

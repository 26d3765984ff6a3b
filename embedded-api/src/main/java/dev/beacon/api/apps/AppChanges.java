package dev.beacon.api.apps;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells whoever keeps apps in memory (the heartbeat ingest's cache of app keys) that an app was
 * changed or deleted: called by the entity itself ({@link App}) when Hibernate writes the change,
 * which is how every change of an app is made. Listeners must be quick and must not block.
 */
public final class AppChanges {
  private static final List<Consumer<String>> LISTENERS = new CopyOnWriteArrayList<>();

  private AppChanges() {}

  /** Registers a listener of app ids; the returned handle removes it. */
  public static Runnable listen(Consumer<String> listener) {
    LISTENERS.add(listener);
    return () -> LISTENERS.remove(listener);
  }

  static void changed(String appId) {
    LISTENERS.forEach(l -> l.accept(appId));
  }
}

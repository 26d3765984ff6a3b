package dev.beacon.desktop.client;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The executor that server calls run on: never the FX thread; daemon threads so they never keep the app alive. */
public final class Io {
  private Io() {}

  public static ExecutorService newExecutor() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "beacon-io-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }
}

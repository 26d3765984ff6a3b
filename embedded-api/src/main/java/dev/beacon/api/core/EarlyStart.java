package dev.beacon.api.core;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A start begun before the command line is read, on a thread of its own: the features made (the
 * first of them initialises logging, a tenth of a second) and then, when the server is going to use
 * the default H2 database, Hibernate's boot (the longest part of a start) begun. Reading the options
 * takes about as long again on a cold JVM, and on H2 the boot needs neither the data folder nor a
 * connection ({@link HibernateBoot}). {@link BeaconServer#startBlocking(Config, EarlyStart)} takes
 * the boot when the configuration read fits it; for one that does not (PostgreSQL, a validating
 * start) the server boots its own, and this one is closed in the background.
 */
public final class EarlyStart {
  private final FutureTask<List<Feature>> features;
  private volatile HibernateBoot boot;

  private EarlyStart(Supplier<List<Feature>> make, boolean onH2) {
    this.features = new FutureTask<>(() -> {
      List<Feature> made = List.copyOf(make.get());
      if (onH2) {
        boot = HibernateBoot.beginOnH2(BeaconServer.entities(made));
      }
      return made;
    });
  }

  /**
   * Begins a start with the features {@code make} makes, and Hibernate's boot too when {@code onH2}
   * (the caller's guess from the command line, before reading it; a wrong guess costs CPU, not
   * correctness).
   */
  public static EarlyStart begin(Supplier<List<Feature>> make, boolean onH2) {
    EarlyStart start = new EarlyStart(make, onH2);
    Thread t = new Thread(start.features, "beacon-early-start");
    t.setDaemon(true);
    t.start();
    return start;
  }

  /** The features, once made. */
  public List<Feature> features() throws Exception {
    try {
      return features.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception ex) {
        throw ex;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** The boot begun, when {@code config} can use it; otherwise {@code null}, and the boot is closed once done. */
  HibernateBoot bootFor(Config config) throws Exception {
    features();
    HibernateBoot begun = boot;
    if (begun == null) {
      return null;
    }
    if (begun.fits(config)) {
      return begun;
    }
    begun.discardLater();
    return null;
  }

  /** Nothing will start: a boot begun is closed once done (the features are made by then or never used). */
  public void abandon() {
    if (features.isDone() && boot != null) {
      boot.discardLater();
    }
  }
}

package dev.beacon.api.core;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What a feature gets to build its services and routes with.
 *
 * @param dataFolders every feature's folders of the data folder ({@link Feature#dataFolders()})
 */
public record ServerContext(Vertx vertx, Config config, Db db, Clock clock, List<DataFolder> dataFolders) {
  public ServerContext {
    dataFolders = List.copyOf(dataFolders);
  }

  /** What tells the other instances on this database what changed ({@link Db#bus()}). */
  public ClusterBus bus() {
    return db.bus();
  }

  public Instant now() {
    return clock.instant();
  }
}

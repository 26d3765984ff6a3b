package dev.beacon.api.core;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What a feature gets to build its services and routes with.
 *
 * @param dataFolders every feature's folders of the data folder ({@link Feature#dataFolders()})
 * @param listening ends once the server listens, and fails when its start does: work that need not
 *     hold the start back waits for it instead of taking the start's CPU
 */
public record ServerContext(Vertx vertx, Config config, Db db, Clock clock, List<DataFolder> dataFolders, Future<Void> listening) {
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

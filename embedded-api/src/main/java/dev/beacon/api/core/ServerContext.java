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

  public Instant now() {
    return clock.instant();
  }
}

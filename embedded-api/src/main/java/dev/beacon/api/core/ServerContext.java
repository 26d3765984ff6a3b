package dev.beacon.api.core;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;

/** What a feature gets to build its services and routes with. */
public record ServerContext(Vertx vertx, Config config, Db db, Clock clock) {
  public Instant now() {
    return clock.instant();
  }
}

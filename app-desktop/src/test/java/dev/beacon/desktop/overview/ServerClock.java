package dev.beacon.desktop.overview;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The test server's clock: set to an instant to send heartbeats on chosen days, then back to the real time. */
final class ServerClock extends Clock {
  private volatile Instant fixed;

  void set(Instant at) {
    fixed = at;
  }

  void real() {
    fixed = null;
  }

  @Override
  public Instant instant() {
    Instant f = fixed;
    return f == null ? Instant.now() : f;
  }

  @Override
  public ZoneId getZone() {
    return ZoneId.systemDefault();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}

package dev.beacon.api.feeds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An app's feed options; an app without a row has the defaults (feed requests count in usage). */
@Entity
@Table(name = "feed_settings")
public class FeedSettings {
  @Id
  @Column(name = "app_id", length = 32)
  public String appId;

  /** Whether a feed request that names an install counts in usage like a heartbeat. */
  @Column(name = "count_usage", nullable = false)
  public boolean countUsage = true;
}

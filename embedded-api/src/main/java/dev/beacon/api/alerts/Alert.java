package dev.beacon.api.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One alert of an app: the rule that raised it, its subject (the issue or version: the quiet
 * period is per rule and subject), the one-line text and the generic webhook body it is sent as.
 */
@Entity
@Table(name = "alert")
public class Alert {
  @Id
  @Column(name = "alert_id", length = 32)
  public String alertId;

  @Column(name = "app_id", nullable = false, length = 32)
  public String appId;

  @Column(name = "rule_name", nullable = false, length = 32)
  public String rule;

  @Column(nullable = false, length = 64)
  public String subject;

  /** new_issue, regression, spike, rollout_health or rollout_halted. */
  @Column(nullable = false, length = 32)
  public String event;

  @Column(name = "issue_id", length = 32)
  public String issueId;

  @Column(name = "version_id", length = 32)
  public String versionId;

  @Column(nullable = false, length = 2000)
  public String message;

  /** The generic webhook body, as JSON. */
  @Column(nullable = false, length = 16000)
  public String payload;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}

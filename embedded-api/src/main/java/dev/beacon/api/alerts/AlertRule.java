package dev.beacon.api.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** An app's settings of one rule, once its developer changed them (else {@link RuleName}'s defaults). */
@Entity
@Table(name = "alert_rule")
@IdClass(AlertRule.Key.class)
public class AlertRule {
  @Id
  @Column(name = "app_id", length = 32)
  public String appId;

  @Id
  @Column(name = "rule_name", length = 32)
  public String rule;

  @Column(nullable = false)
  public boolean enabled;

  public Double threshold;

  @Column(name = "min_machines")
  public Integer minMachines;

  public Double factor;

  @Column(name = "quiet_minutes", nullable = false)
  public int quietMinutes;

  @Column(name = "auto_halt", nullable = false)
  public boolean autoHalt;

  public record Key(String appId, String rule) implements Serializable {}
}

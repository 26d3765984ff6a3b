package dev.beacon.api.releases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a version's release: who, when, which action, from what to what. */
@Entity
@Table(name = "version_change")
public class VersionChange {
  @Id
  @Column(name = "change_id", length = 32)
  public String changeId;

  @Column(name = "app_version_id", length = 32)
  public String appVersionId;

  @Column(name = "module_version_id", length = 32)
  public String moduleVersionId;

  @Column(name = "changed_at", nullable = false)
  public Instant at;

  /** The developer who made it. */
  @Column(name = "open_id", length = 32)
  public String openId;

  @Column(nullable = false, length = 16)
  public String action;

  @Column(name = "from_state", nullable = false, length = 16)
  public String fromState;

  @Column(name = "to_state", nullable = false, length = 16)
  public String toState;

  @Column(name = "from_rollout", nullable = false)
  public int fromRollout;

  @Column(name = "to_rollout", nullable = false)
  public int toRollout;

  @Column(nullable = false)
  public boolean downgrade;

  @Column(name = "comment_text", length = 2000)
  public String comment;
}

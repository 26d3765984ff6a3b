package dev.beacon.api.content.qa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A developer who joined the Q&A community. The community signs in with the Beacon account
 * itself, so no second password is kept: joining and "syncing the password" check the password
 * against the account and record when.
 */
@Entity
@Table(name = "qa_member")
public class QaMember {
  @Id
  @Column(name = "open_id", length = 32)
  public String openId;

  @Column(name = "joined_at", nullable = false)
  public Instant joinedAt;

  @Column(name = "synced_at", nullable = false)
  public Instant syncedAt;
}

package dev.beacon.api.errors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A machine that hit an issue, as the HMAC of its id: what counts distinct machines. */
@Entity
@Table(name = "error_issue_machine")
@IdClass(IssueMachine.Key.class)
public class IssueMachine {
  @Id
  @Column(name = "issue_id", length = 32)
  public String issueId;

  @Id
  @Column(name = "machine_hash", length = 64)
  public String machineHash;

  /** The primary key. */
  public record Key(String issueId, String machineHash) implements Serializable {}
}

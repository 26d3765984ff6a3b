package dev.beacon.api.errors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** An environment ({@code production}, {@code staging} ...) an issue was seen in: the issue list's filter. */
@Entity
@Table(name = "error_issue_environment")
@IdClass(IssueEnvironment.Key.class)
public class IssueEnvironment {
  @Id
  @Column(name = "issue_id", length = 32)
  public String issueId;

  @Id
  @Column(length = ErrorEvent.MAX_ENVIRONMENT)
  public String environment;

  /** The primary key. */
  public record Key(String issueId, String environment) implements Serializable {}
}

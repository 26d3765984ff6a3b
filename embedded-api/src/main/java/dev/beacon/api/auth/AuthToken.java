package dev.beacon.api.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sign-in token, stored only as its SHA-256 hash. */
@Entity
@Table(name = "auth_token")
public class AuthToken {
  @Id
  @Column(name = "token_hash", length = 64)
  public String tokenHash;

  @Column(name = "open_id", nullable = false, length = 32)
  public String openId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;
}

package dev.beacon.api.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A developer account (the seed's "user", known by its openId). */
@Entity
@Table(name = "developer")
public class Developer {
  public static final String ROLE_ADMIN = "admin";
  public static final String ROLE_DEVELOPER = "developer";

  @Id
  @Column(name = "open_id", length = 32)
  public String openId;

  @Column(nullable = false)
  public String account;

  @Column(name = "account_type", nullable = false, length = 16)
  public String accountType;

  @Column(name = "password_hash", nullable = false)
  public String passwordHash;

  @Column(nullable = false, length = 16)
  public String role;

  @Column(name = "is_internal", nullable = false)
  public boolean internal;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public boolean isAdmin() {
    return ROLE_ADMIN.equals(role);
  }
}

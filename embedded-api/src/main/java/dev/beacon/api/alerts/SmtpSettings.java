package dev.beacon.api.alerts;

import io.vertx.core.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/**
 * The server's SMTP account for e-mail alerts (one row), set by an admin: security
 * {@value #NONE}, {@value #STARTTLS} or {@value #TLS}. The password stays here: answers say only
 * whether one is set.
 */
@Entity
@Table(name = "alert_smtp")
public class SmtpSettings {
  static final int ID = 1;
  static final String NONE = "none";
  static final String STARTTLS = "starttls";
  static final String TLS = "tls";
  static final List<String> SECURITY = List.of(NONE, STARTTLS, TLS);

  @Id
  public int id = ID;

  @Column(nullable = false, length = 255)
  public String host;

  @Column(nullable = false)
  public int port;

  @Column(nullable = false, length = 16)
  public String security;

  @Column(length = 255)
  public String username;

  @Column(length = 255)
  public String password;

  @Column(name = "from_address", nullable = false, length = 320)
  public String from;

  JsonObject json() {
    return new JsonObject()
        .put("host", host)
        .put("port", port)
        .put("security", security)
        .put("user", username)
        .put("passwordSet", password != null && !password.isEmpty())
        .put("from", from);
  }
}

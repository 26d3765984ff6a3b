package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/**
 * The server's SMTP account that sends e-mail alerts ({@code /v1/admin/alerts/smtp}): host, port,
 * security none|starttls|tls, the user (null when none), whether a password is stored (it is never
 * answered) and the from address.
 */
public record SmtpSettings(String host, int port, String security, String user, boolean passwordSet, String from) {
  public static final java.util.List<String> SECURITY = java.util.List.of("none", "starttls", "tls");

  static SmtpSettings from(JsonObject o) {
    return new SmtpSettings(Json.text(o, "host"), Json.integer(o, "port"), Json.text(o, "security"),
        Json.textOrNull(o, "user"), Json.flag(o, "passwordSet"), Json.text(o, "from"));
  }
}

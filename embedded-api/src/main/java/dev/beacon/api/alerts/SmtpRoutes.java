package dev.beacon.api.alerts;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET|PUT /v1/admin/alerts/smtp}: the server's SMTP account for e-mail alerts (host, port,
 * security none|starttls|tls, user, password, from). The password is kept and never answered:
 * a PUT without one keeps the stored one, {@code "password":""} removes it.
 */
final class SmtpRoutes {
  private static final String PATH = "/v1/admin/alerts/smtp";

  private final ServerContext sc;

  SmtpRoutes(ServerContext sc) {
    this.sc = sc;
  }

  void mount(Routes routes) {
    routes.get(PATH).admin(ctx -> Http.reply(ctx, sc.db().tx(s -> answer(s.find(SmtpSettings.class, SmtpSettings.ID)))));
    routes.put(PATH).admin(ctx -> {
      Body b = Body.of(ctx);
      String host = b.requiredString("host", 255).trim();
      int port = b.requiredInt("port");
      if (host.isEmpty() || port < 1 || port > 65535) {
        throw ApiException.badParameter("host must not be empty and port must be from 1 to 65535");
      }
      String security = b.optionalString("security", 16);
      String sec = security == null ? SmtpSettings.STARTTLS : security.trim();
      if (!SmtpSettings.SECURITY.contains(sec)) {
        throw ApiException.badParameter("security must be none, starttls or tls; got " + sec);
      }
      String from = b.requiredString("from", 320).trim();
      if (!from.contains("@")) {
        throw ApiException.badParameter("from must be an e-mail address, got " + from);
      }
      String user = b.optionalString("user", 255);
      String password = b.optionalString("password", 255);
      Http.reply(ctx, sc.db().tx(s -> {
        SmtpSettings found = s.find(SmtpSettings.class, SmtpSettings.ID);
        SmtpSettings m = found != null ? found : new SmtpSettings();
        m.host = host;
        m.port = port;
        m.security = sec;
        m.from = from;
        m.username = user == null || user.isBlank() ? null : user.trim();
        if (password != null) {
          m.password = password.isEmpty() ? null : password;
        }
        if (found == null) {
          s.persist(m);
        }
        return answer(m);
      }));
    });
  }

  private static JsonObject answer(SmtpSettings m) {
    return Http.ok().put("smtp", m == null ? null : m.json());
  }
}

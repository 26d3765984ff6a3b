package dev.beacon.api.alerts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends one alert to one destination, without blocking: a webhook as an HTTP POST of its body
 * (signed with {@code X-Beacon-Signature: sha256=<hex HMAC-SHA256 of the body>} when the
 * destination has a secret), an e-mail through the server's SMTP settings. Every try of one
 * delivery carries the same {@value #IDEMPOTENCY_KEY} header (an e-mail the same {@code Message-ID}),
 * so that a receiver can drop the repeat a delivery sent twice would be (at least once: an
 * instance that stopped after sending and before recording it).
 */
final class Sender {
  static final String SIGNATURE = "X-Beacon-Signature";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final int TIMEOUT_MS = 15_000;

  /** What a try gave: sent, or why not; {@code gone} when the webhook answered 410 (disable it). */
  record Result(boolean sent, boolean gone, String detail) {
    static Result ok(String detail) {
      return new Result(true, false, detail);
    }

    static Result failed(String detail) {
      return new Result(false, false, detail);
    }
  }

  private final Vertx vertx;
  private final HttpClient http;

  Sender(Vertx vertx) {
    this.vertx = vertx;
    this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(TIMEOUT_MS).setIdleTimeout(TIMEOUT_MS / 1000));
  }

  /**
   * Sends the alert (its generic body) as the delivery {@code deliveryId}; {@code smtp} may be null
   * when no e-mail destination is involved.
   */
  Future<Result> send(AlertDestination d, JsonObject alert, SmtpSettings smtp, String deliveryId) {
    Future<Result> f;
    try {
      f = d.email() ? mail(d.target, alert, smtp, deliveryId) : post(d, Bodies.forKind(d.kind, alert), deliveryId);
    } catch (RuntimeException e) {
      f = Future.succeededFuture(Result.failed(e.getMessage()));
    }
    return f.recover(e -> Future.succeededFuture(Result.failed(String.valueOf(e.getMessage()))));
  }

  private Future<Result> post(AlertDestination d, String body, String deliveryId) {
    RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(d.target)
        .setConnectTimeout(TIMEOUT_MS).setIdleTimeout(TIMEOUT_MS)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("User-Agent", "Beacon-Alerts")
        .putHeader(IDEMPOTENCY_KEY, deliveryId);
    if (d.secret != null) {
      o.putHeader(SIGNATURE, "sha256=" + hmac(d.secret, body));
    }
    return http.request(o)
        .compose(req -> req.send(Buffer.buffer(body, "UTF-8")))
        .compose(resp -> resp.body().map(b -> {
          int status = resp.statusCode();
          if (status >= 200 && status < 300) {
            return Result.ok("HTTP " + status);
          }
          String detail = "HTTP " + status + (b.length() > 0 ? ": " + cut(b.toString(StandardCharsets.UTF_8)) : "");
          return new Result(false, status == 410, detail);
        }));
  }

  private Future<Result> mail(String address, JsonObject alert, SmtpSettings smtp, String deliveryId) {
    if (smtp == null) {
      return Future.succeededFuture(Result.failed("no SMTP server is set up: an admin sets it with PUT /v1/admin/alerts/smtp"));
    }
    MailConfig c = new MailConfig().setHostname(smtp.host).setPort(smtp.port).setConnectTimeout(TIMEOUT_MS)
        .setSsl(SmtpSettings.TLS.equals(smtp.security))
        .setStarttls(SmtpSettings.STARTTLS.equals(smtp.security) ? StartTLSOptions.REQUIRED : StartTLSOptions.DISABLED);
    if (smtp.username != null && !smtp.username.isBlank()) {
      c.setLogin(LoginOption.REQUIRED).setUsername(smtp.username).setPassword(smtp.password == null ? "" : smtp.password);
    } else {
      c.setLogin(LoginOption.DISABLED);
    }
    MailClient client = MailClient.create(vertx, c);
    MailMessage m = new MailMessage().setFrom(smtp.from).setTo(address)
        .setSubject(Bodies.subject(alert)).setText(Bodies.mailText(alert))
        .setHeaders(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("Message-ID", "<" + deliveryId + "@beacon>"));
    return client.sendMail(m)
        .map(r -> Result.ok("accepted by " + smtp.host))
        .eventually(client::close);
  }

  void close() {
    http.close();
  }

  static String hmac(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static String cut(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "…";
  }
}

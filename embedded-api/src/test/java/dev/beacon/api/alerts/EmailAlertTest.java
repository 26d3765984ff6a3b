package dev.beacon.api.alerts;

import static dev.beacon.api.alerts.AlertFixtures.alerts;
import static dev.beacon.api.alerts.AlertFixtures.await;
import static dev.beacon.api.alerts.AlertFixtures.destination;
import static dev.beacon.api.alerts.AlertFixtures.ok;
import static dev.beacon.api.alerts.AlertFixtures.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** E-mail alerts through a real SMTP server (GreenMail) with the server's SMTP settings. */
class EmailAlertTest {
  private static TestServer server;
  private static GreenMail mail;
  private static Api dev;
  private static final Map<String, String> WAITS = Map.of("beacon.alerts.poll-ms", "100");

  @BeforeAll
  static void setUp() throws Exception {
    server = AlertFixtures.startWith(WAITS);
    mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    dev = server.newDeveloper();
    Api admin = server.admin();
    ok(admin.put("/v1/admin/alerts/smtp", new JsonObject().put("host", "127.0.0.1").put("port", mail.getSmtp().getPort())
        .put("security", "none").put("from", "beacon@example.com")));
  }

  @AfterAll
  static void tearDown() throws Exception {
    server.close();
    mail.stop();
    AlertFixtures.clear(WAITS);
  }

  /** The message sent to this address, or null. */
  private static MimeMessage received(String address) {
    for (MimeMessage m : mail.getReceivedMessages()) {
      try {
        if (m.getAllRecipients()[0].toString().equals(address)) {
          return m;
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return null;
  }

  @Test
  void aNewIssueArrivesByMailWithItsTitleAndALink() throws Exception {
    TestApps.Created app = TestApps.create(dev);
    destination(dev, app.appId(), new JsonObject().put("type", "email").put("address", "ops@example.com"));
    String issueId = report(server, app, "FileNotFoundException", "settings.json", "5.0.1", "machine-1");

    await("the e-mail", () -> received("ops@example.com") != null);
    MimeMessage m = received("ops@example.com");
    assertEquals("beacon@example.com", m.getFrom()[0].toString());
    assertTrue(m.getSubject().contains("FileNotFoundException"), m.getSubject());
    String body = GreenMailUtil.getBody(m);
    assertTrue(body.contains("FileNotFoundException"), body);
    assertTrue(body.contains("/app/" + app.appId() + "/issues/" + issueId), "the issue's link: " + body);
    await("the delivery recorded as sent", () -> "sent".equals(AlertFixtures.list(dev, app.appId()).get(0).getString("state")));
  }

  @Test
  void theTestButtonSendsATestMail() throws Exception {
    TestApps.Created app = TestApps.create(dev);
    JsonObject d = destination(dev, app.appId(), new JsonObject().put("type", "email").put("address", "button@example.com"));
    JsonObject answer = ok(dev.post(alerts(dev, app.appId()) + "/destinations/" + d.getString("destinationId") + "/test", new JsonObject()));
    assertTrue(answer.getBoolean("sent"), answer::encode);
    MimeMessage m = received("button@example.com");
    assertTrue(m.getSubject().contains("Test alert"), m.getSubject());
  }
}

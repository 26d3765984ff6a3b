package dev.beacon.apiclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beacon.api.Beacon;
import dev.beacon.api.core.BeaconServer;
import dev.beacon.api.core.Config;
import dev.beacon.generated.ApiClient;
import dev.beacon.generated.ApiException;
import dev.beacon.generated.api.AppsApi;
import dev.beacon.generated.api.AuthApi;
import dev.beacon.generated.api.ErrorsApi;
import dev.beacon.generated.api.ReleasesApi;
import dev.beacon.generated.api.ServerApi;
import dev.beacon.generated.api.TelemetryApi;
import dev.beacon.generated.model.AppCreate;
import dev.beacon.generated.model.AppUpgradeRequest;
import dev.beacon.generated.model.AppVersion;
import dev.beacon.generated.model.AppVersionCreate;
import dev.beacon.generated.model.ErrorReportRequest;
import dev.beacon.generated.model.HeartbeatRequest;
import dev.beacon.generated.model.Issue;
import dev.beacon.generated.model.LoginRequest;
import dev.beacon.generated.model.VersionCheckRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client generated from {@code openapi.yaml} at build time (openapi-generator, java.net.http +
 * Jackson) runs the main flows against a real server: sign in, create an app, a version, release
 * it, the clients' upgrade checks, a heartbeat, an error report, the stats and the issues.
 */
class GeneratedClientTest {
  static final String ADMIN = "admin";
  static final String PASSWORD = "generated-client-password";

  static Path data;
  static BeaconServer server;
  static ApiClient anonymous;

  @BeforeAll
  static void start() throws Exception {
    data = Files.createTempDirectory("beacon-client-it-");
    server = BeaconServer.startBlocking(Config.defaults().host("127.0.0.1").port(0).dataDir(data)
        .adminAccount(ADMIN).adminPassword(PASSWORD).quiet(true), Beacon.features());
    anonymous = client();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      server.stopBlocking();
    } finally {
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static ApiClient client() {
    ApiClient c = new ApiClient();
    c.updateBaseUri("http://127.0.0.1:" + server.port());
    return c;
  }

  /** A client that sends the session's headers, as the spec's security schemes say. */
  static ApiClient signedIn(String openId, String token) {
    ApiClient c = client();
    c.setRequestInterceptor(b -> b.header("X-Openid", openId).header("X-Auth-Token", token));
    return c;
  }

  /**
   * An action body such as {@code {"release":null}}: a JSON object node, since the generated
   * client leaves null fields and map values out of what it sends.
   */
  static ObjectNode action(String name) {
    return JsonNodeFactory.instance.objectNode().putNull(name);
  }

  @Test
  void theMainFlowsWorkThroughTheGeneratedClient() throws Exception {
    assertEquals("up", new ServerApi(anonymous).health().getStatus());

    var login = new AuthApi(anonymous).login(new LoginRequest().account(ADMIN).password(PASSWORD));
    assertEquals(1000, login.getCode());
    String openId = login.getOpenId();
    ApiClient session = signedIn(openId, login.getToken());

    var app = new AppsApi(session).createApp(openId, new AppCreate().name("Generated").platform(AppCreate.PlatformEnum.NUMBER_1)
        .timeZone("UTC")).getApp();
    String appId = app.getAppId();
    String appKey = app.getAppKey();
    assertEquals("Generated", new AppsApi(session).getApp(openId, appId).getApp().getName());

    ReleasesApi releases = new ReleasesApi(session);
    var created = releases.createVersion(openId, appId, new AppVersionCreate().name("1.1.0").code(2)
        .url("http://downloads.example.com/generated-1.1.0.zip").md5("0123456789abcdef0123456789abcdef").desc("faster"));
    String versionId = created.getVersionId();
    releases.versionAction(openId, appId, versionId, action("release"));
    assertEquals(AppVersion.ActiveEnum.NUMBER_1, releases.getVersion(openId, appId, versionId).getAppVersion().getActive(), "released");

    ReleasesApi clients = new ReleasesApi(anonymous);
    var check = clients.versionCheck(new VersionCheckRequest().appKey(appKey).currentVersion("1.0.0").platform("windows")).getData();
    assertTrue(check.getHasUpdate());
    assertEquals("1.1.0", check.getLatestVersion());
    var offer = clients.appUpgrade(new AppUpgradeRequest().appId(appId).appKey(appKey)).getVersion();
    assertEquals("1.1.0", offer.getVersionName());
    assertEquals(2, offer.getVersionCode());

    var beat = new TelemetryApi(anonymous).heartbeat(new HeartbeatRequest().appKey(appKey).machineId("host-42").version("1.0.0"));
    assertEquals(200, beat.getCode());
    assertTrue(beat.getData().getRecorded());

    var report = new ErrorsApi(anonymous).errorReport(new ErrorReportRequest().appKey(appKey).machineId("host-42")
        .softwareVersion("1.0.0").errorType("NullReferenceException").errorMessage("Object reference not set")
        .errorStack("at Foo.Bar()\nat Foo.Main()").osInfo("Windows 10 Pro")).getData();
    assertNotNull(report.getIssueId());

    TelemetryApi stats = new TelemetryApi(session);
    var summary = stats.statsSummary(openId, appId);
    assertEquals(1, summary.getDau());
    assertEquals(1, summary.getTotalMachines());
    // format=json: the generated client's Accept names both documented types, and text/csv in Accept asks for CSV
    var series = stats.statsActive(openId, appId, null, null, "json").getSeries();
    assertEquals(30, series.size(), "the last 30 days by default");
    assertEquals(1, series.get(series.size() - 1).getDau());

    ErrorsApi errors = new ErrorsApi(session);
    var issues = errors.listIssues(openId, appId, null, null, null, null, null, null, null, null, null); // pageNo ... environment ... until: all defaults
    assertEquals(1, issues.getTotalCount());
    Issue issue = issues.getIssues().get(0);
    assertEquals(report.getIssueId(), issue.getIssueId());
    assertEquals(1, errors.getIssue(openId, appId, issue.getIssueId()).getIssue().getCount());
    assertEquals(Issue.StatusEnum.RESOLVED, errors.issueAction(openId, appId, issue.getIssueId(), action("resolve")).getIssue().getStatus());

    ApiException refused = assertThrows(ApiException.class, () -> new AppsApi(anonymous).getApp(openId, appId));
    assertEquals(401, refused.getCode(), "the documented error answer: " + refused.getResponseBody());
  }
}

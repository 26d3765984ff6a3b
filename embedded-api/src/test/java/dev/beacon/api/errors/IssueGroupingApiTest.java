package dev.beacon.api.errors;

import static dev.beacon.api.errors.FingerprintTest.trace;
import static dev.beacon.api.errors.IssueFixtures.ids;
import static dev.beacon.api.errors.IssueFixtures.list;
import static dev.beacon.api.errors.IssueFixtures.log;
import static dev.beacon.api.errors.IssueFixtures.report;
import static dev.beacon.api.errors.IssueFixtures.reported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Resp;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Events of one bug land in one issue, over HTTP, from both families. */
class IssueGroupingApiTest extends IssueApiTest {
  static final String NPE = "java.lang.NullPointerException";
  static final String NPE_MESSAGE = "Cannot invoke \"String.length()\" because \"sku\" is null";

  @Test
  void theSameBugOnTwoVersionsAndMachinesIsOneIssueWithCounts() {
    TestApps.Created app = TestApps.create(dev);
    String first = reported(server, report(app, NPE, NPE_MESSAGE, trace("java/npe-cart-1.2.0-jdk17.txt"), "1.2.0", "pc-alice"));
    String second = reported(server, report(app, NPE, NPE_MESSAGE, trace("java/npe-cart-1.3.0-jdk21.txt"), "1.3.0", "pc-bob"));
    String third = reported(server, report(app, NPE, NPE_MESSAGE, trace("java/npe-cart-1.3.0-jdk21.txt"), "1.10.0", "pc-alice"));
    assertEquals(first, second);
    assertEquals(first, third);

    JsonObject page = list(dev, app.appId(), "");
    assertEquals(1, page.getInteger("totalCount"));
    JsonObject issue = page.getJsonArray("issues").getJsonObject(0);
    assertEquals(first, issue.getString("issueId"));
    assertEquals(NPE + ": " + NPE_MESSAGE, issue.getString("title"));
    assertEquals("com.acme.shop.cart.CartService.lambda$priceOf$", issue.getString("culprit"));
    assertEquals(NPE, issue.getString("type"));
    assertEquals("unresolved", issue.getString("status"));
    assertFalse(issue.getBoolean("regression"));
    assertEquals(3, issue.getInteger("count"));
    assertEquals(2, issue.getInteger("machines"), "alice's machine counts once");
    assertEquals(new JsonArray().add("1.2.0").add("1.3.0").add("1.10.0"), issue.getJsonArray("versions"), "oldest version first");
    assertTrue(issue.getString("firstSeen").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), issue::encode);
    assertTrue(issue.getString("lastSeen").compareTo(issue.getString("firstSeen")) >= 0, issue::encode);
  }

  @Test
  void anIssueOpenedUnderThePreviousRulesKeepsGettingItsEvents() throws Exception {
    TestApps.Created app = TestApps.create(dev);
    String stack = trace("java/npe-cart-1.2.0-jdk17.txt");
    String opened = reported(server, report(app, NPE, NPE_MESSAGE, stack, "1.2.0", "pc-1"));
    Fingerprint fp = FingerprintTest.report(NPE, NPE_MESSAGE, stack);
    assertEquals(fp.hash(), storedFingerprint(opened));
    setStoredFingerprint(opened, fp.previous()); // as an earlier Beacon stored it: the type as reported

    assertEquals(opened, reported(server, report(app, NPE, NPE_MESSAGE, trace("java/npe-cart-1.3.0-jdk21.txt"), "1.3.0", "pc-2")),
        "found by the hash of the rules it was opened under");
    assertEquals(fp.hash(), storedFingerprint(opened), "and from then on found by this version's");
    assertEquals(opened, reported(server, report(app, "NullPointerException", NPE_MESSAGE, stack, "1.3.0", "pc-3")),
        "so the type without its package joins it too");
    JsonObject page = list(dev, app.appId(), "");
    assertEquals(1, page.getInteger("totalCount"), page::encode);
    assertEquals(3, page.getJsonArray("issues").getJsonObject(0).getInteger("count"));
  }

  private static String storedFingerprint(String issueId) throws java.sql.SQLException {
    try (var c = server.server().db().dataSource().getConnection();
        var st = c.prepareStatement("SELECT fingerprint FROM error_issue WHERE issue_id = ?")) {
      st.setString(1, issueId);
      try (var rs = st.executeQuery()) {
        assertTrue(rs.next(), issueId);
        return rs.getString(1);
      }
    }
  }

  private static void setStoredFingerprint(String issueId, String hash) throws java.sql.SQLException {
    assertEquals(Integer.valueOf(1), server.server().db().<Integer>inJdbcTx(c -> {
      try (var st = c.prepareStatement("UPDATE error_issue SET fingerprint = ? WHERE issue_id = ?")) {
        st.setString(1, hash);
        st.setString(2, issueId);
        return st.executeUpdate();
      }
    }));
  }

  @Test
  void twoBugsAreTwoIssues() {
    TestApps.Created app = TestApps.create(dev);
    String cart = reported(server, report(app, NPE, NPE_MESSAGE, trace("java/npe-cart-1.2.0-jdk17.txt"), "1.2.0", "pc-1"));
    String payment = reported(server, report(app, NPE, "Cannot invoke \"Card.token()\"", trace("java/npe-payment.txt"), "1.2.0", "pc-1"));
    assertNotEquals(cart, payment, "the same exception type from other code");
    assertEquals(Set.of(cart, payment), Set.copyOf(ids(list(dev, app.appId(), ""))));
  }

  @Test
  void dotNetAndPythonTracesWithOtherLinesAndPathsGroup() {
    TestApps.Created app = TestApps.create(dev);
    String msg = "Object reference not set to an instance of an object.";
    String sync201 = reported(server, report(app, "NullReferenceException", msg, trace("dotnet/nullref-sync-2.0.1.txt"), "2.0.1", "pc-1"));
    String sync210 = reported(server, report(app, "NullReferenceException", msg, trace("dotnet/nullref-sync-2.1.0.txt"), "2.1.0", "pc-2"));
    String save = reported(server, report(app, "IOException", "The process cannot access the file", trace("dotnet/io-save.txt"), "2.1.0", "pc-2"));
    String linux = reported(server, report(app, "TypeError", "Settings.__init__() got an unexpected keyword argument 'proxy_port'",
        trace("python/typeerror-config-linux-3.1.0.txt"), "3.1.0", "srv-1"));
    String windows = reported(server, report(app, "TypeError", "Settings.__init__() got an unexpected keyword argument 'retry_count'",
        trace("python/typeerror-config-windows-3.2.0.txt"), "3.2.0", "pc-3"));
    String upload = reported(server, report(app, "ConnectionError", "Max retries exceeded",
        trace("python/connectionerror-upload.txt"), "3.2.0", "pc-3"));
    assertEquals(sync201, sync210);
    assertEquals(linux, windows);
    assertEquals(4, Set.of(sync201, save, linux, upload).size());
    assertEquals(4, list(dev, app.appId(), "").getInteger("totalCount"));
    JsonObject python = IssueFixtures.detail(dev, app.appId(), linux).getJsonObject("issue");
    assertEquals("config.py in <lambda>", python.getString("culprit"));
    assertEquals(2, python.getInteger("count"));
  }

  @Test
  void withoutAStackNumbersInTheMessageDoNotSplitIssues() {
    // the seed's Python client sends an empty stack
    TestApps.Created app = TestApps.create(dev);
    String a = reported(server, report(app, "TimeoutError", "timed out after 30s talking to 10.0.0.5:8443", "", "1.0", "m1"));
    String b = reported(server, report(app, "TimeoutError", "timed out after 45s talking to 10.0.0.9:8443", "", "1.0", "m2"));
    String c = reported(server, report(app, "TimeoutError", "read timed out", "", "1.0", "m2"));
    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  @Test
  void logsAndReportsOfOneCrashShareTheIssueAndTheLogListShowsIt() {
    TestApps.Created app = TestApps.create(dev);
    String stack = trace("java/npe-cart-1.2.0-jdk17.txt");
    String fromReport = reported(server, report(app, NPE, NPE_MESSAGE, stack, "1.2.0", "pc-1"));
    Resp r = server.anonymous().post(IssueFixtures.LOGS, log(app, stack, "1.2.0", "Pixel 8"));
    assertEquals(new JsonObject().put("code", 1000).put("msg", "success"), r.json(), "the seed's answer, unchanged");
    // an array of lines, as the seed allows
    JsonArray lines = new JsonArray(stack.lines().toList());
    assertEquals(1000, server.anonymous().post(IssueFixtures.LOGS, log(app, "", "1.3.0", "Pixel 9").put("context", lines)).code());

    JsonObject issue = list(dev, app.appId(), "").getJsonArray("issues").getJsonObject(0);
    assertEquals(fromReport, issue.getString("issueId"));
    assertEquals(3, issue.getInteger("count"));
    assertEquals(3, issue.getInteger("machines"), "one PC and two phones");

    Resp logs = dev.get("/v1/user/" + dev.openId + "/logs?appId=" + app.appId());
    List<String> issueIds = logs.json().getJsonArray("errlogList").stream().map(o -> ((JsonObject) o).getString("issueId")).toList();
    assertEquals(List.of(fromReport, fromReport, fromReport), issueIds, "GET /logs items carry their issueId");
  }

  @Test
  void issuesBelongToOneApp() {
    TestApps.Created one = TestApps.create(dev);
    TestApps.Created two = TestApps.create(dev);
    String a = reported(server, report(one, NPE, NPE_MESSAGE, trace("java/npe-cart-1.2.0-jdk17.txt"), "1.2.0", "pc-1"));
    String b = reported(server, report(two, NPE, NPE_MESSAGE, trace("java/npe-cart-1.2.0-jdk17.txt"), "1.2.0", "pc-1"));
    assertNotEquals(a, b);
    assertEquals(List.of(a), ids(list(dev, one.appId(), "")));
    assertEquals(List.of(b), ids(list(dev, two.appId(), "")));
  }

  @Test
  void concurrentFirstEventsOfANewBugOpenOneIssue() throws Exception {
    TestApps.Created app = TestApps.create(dev);
    String stack = trace("dotnet/io-save.txt");
    List<java.util.concurrent.Future<String>> sent = new java.util.ArrayList<>();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      for (int i = 0; i < 16; i++) {
        String machine = "pc-" + i;
        sent.add(pool.submit(() -> reported(server, report(app, "IOException", "locked", stack, "2.1.0", machine))));
      }
      Set<String> issues = new java.util.HashSet<>();
      for (var f : sent) {
        issues.add(f.get());
      }
      assertEquals(1, issues.size(), "racing first events join one issue");
    } finally {
      pool.shutdownNow();
    }
    JsonObject issue = list(dev, app.appId(), "").getJsonArray("issues").getJsonObject(0);
    assertEquals(16, issue.getInteger("count"), "none lost");
    assertEquals(16, issue.getInteger("machines"));
  }
}

package dev.beacon.api.errors;

import static dev.beacon.api.errors.IssueFixtures.act;
import static dev.beacon.api.errors.IssueFixtures.assertError;
import static dev.beacon.api.errors.IssueFixtures.detail;
import static dev.beacon.api.errors.IssueFixtures.issuesPath;
import static dev.beacon.api.errors.IssueFixtures.report;
import static dev.beacon.api.errors.IssueFixtures.reported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Resolve, ignore, reopen; regressions; and who may see and change an issue. */
class IssueActionsApiTest extends IssueApiTest {
  static String crash(TestApps.Created app, String version) {
    return reported(server, report(app, "IllegalStateException", "pool closed", "at com.acme.Pool.take(Pool.java:10)", version, "pc-" + version));
  }

  static JsonObject issue(TestApps.Created app, String issueId) {
    return detail(dev, app.appId(), issueId).getJsonObject("issue");
  }

  static JsonObject acted(TestApps.Created app, String issueId, String action) {
    Resp r = act(dev, app.appId(), issueId, action);
    assertEquals(200, r.status(), r::toString);
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonObject("issue");
  }

  @Test
  void aResolvedIssueStaysResolvedForOldVersionsAndReopensAsARegressionInANewerOne() {
    TestApps.Created app = TestApps.create(dev);
    String id = crash(app, "1.9.0");
    crash(app, "1.9.2");
    JsonObject resolved = acted(app, id, "resolve");
    assertEquals("resolved", resolved.getString("status"));
    assertEquals("1.9.2", resolved.getString("resolvedVersion"), "resolved as of the newest version seen");
    assertTrue(resolved.getString("resolvedAt").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), resolved::encode);

    crash(app, "1.9.2");
    crash(app, "1.9.0");
    JsonObject still = issue(app, id);
    assertEquals("resolved", still.getString("status"), "machines not yet updated keep reporting it");
    assertFalse(still.getBoolean("regression"));
    assertEquals(4, still.getInteger("count"), "and are counted");

    crash(app, "1.10.0"); // newer than 1.9.2 as dotted numbers, though not as text
    JsonObject reopened = issue(app, id);
    assertEquals("unresolved", reopened.getString("status"));
    assertTrue(reopened.getBoolean("regression"));
    assertNull(reopened.getString("resolvedVersion"));
    assertEquals(5, reopened.getInteger("count"));
    assertEquals(1, IssueFixtures.list(dev, app.appId(), "status=unresolved").getInteger("totalCount"));

    JsonObject again = acted(app, id, "resolve");
    assertFalse(again.getBoolean("regression"), "resolving ends the regression");
    assertEquals("1.10.0", again.getString("resolvedVersion"));
  }

  @Test
  void aPreReleaseOfTheResolvedVersionIsNotNewer() {
    TestApps.Created app = TestApps.create(dev);
    String id = crash(app, "2.0.0");
    acted(app, id, "resolve");
    crash(app, "2.0.0-beta.3");
    assertEquals("resolved", issue(app, id).getString("status"));
    crash(app, "2.0.1-rc1");
    assertEquals("unresolved", issue(app, id).getString("status"));
  }

  @Test
  void ignoredIssuesStayIgnoredAndReopenClearsTheState() {
    TestApps.Created app = TestApps.create(dev);
    String id = crash(app, "1.0.0");
    assertEquals("ignored", acted(app, id, "ignore").getString("status"));
    crash(app, "5.0.0");
    JsonObject ignored = issue(app, id);
    assertEquals("ignored", ignored.getString("status"), "a newer version does not wake an ignored issue");
    assertFalse(ignored.getBoolean("regression"));
    assertEquals(2, ignored.getInteger("count"));

    JsonObject reopened = acted(app, id, "reopen");
    assertEquals("unresolved", reopened.getString("status"));
    assertFalse(reopened.getBoolean("regression"), "reopened by hand is no regression");
    assertEquals("resolved", acted(app, id, "resolve").getString("status"));
    assertEquals("resolved", acted(app, id, "resolve").getString("status"), "actions may be repeated");
    assertEquals("unresolved", acted(app, id, "reopen").getString("status"));
  }

  @Test
  void theActionBodyMustNameExactlyOneAction() {
    TestApps.Created app = TestApps.create(dev);
    String id = crash(app, "1.0.0");
    String path = issuesPath(dev, app.appId()) + "/" + id + "/action";
    String expected = "one of {\"resolve\":null}, {\"ignore\":null} or {\"reopen\":null}";
    assertError(dev.post(path, new JsonObject()), 400, 4000, expected);
    assertError(dev.post(path, new JsonObject().putNull("resolve").putNull("ignore")), 400, 4000, expected);
    assertError(dev.post(path, new JsonObject().putNull("delete")), 400, 4000, expected);
    assertError(dev.raw("POST", path, "{\"resolve\":", "application/json"), 400, 4000, "malformed JSON");
    assertEquals(1000, dev.post(path, new JsonObject().putNull(" resolve ")).code(), "keys are trimmed");
    assertEquals("resolved", issue(app, id).getString("status"));
  }

  @Test
  void unknownIssuesAndIssuesOfAnotherAppAre4004() {
    TestApps.Created app = TestApps.create(dev);
    TestApps.Created other = TestApps.create(dev);
    String id = crash(app, "1.0.0");
    assertError(dev.get(issuesPath(dev, app.appId()) + "/ffffffffffffffffffffffffffffffff"), 404, 4004, "no issue");
    assertError(dev.get(issuesPath(dev, other.appId()) + "/" + id), 404, 4004, "no issue " + id + " in app " + other.appId());
    assertError(dev.get(issuesPath(dev, other.appId()) + "/" + id + "/events"), 404, 4004, "no issue");
    assertError(act(dev, other.appId(), id, "ignore"), 404, 4004, "no issue");
    assertEquals("unresolved", issue(app, id).getString("status"));
  }

  @Test
  void otherDevelopersCannotSeeOrChangeIssues() {
    TestApps.Created app = TestApps.create(dev);
    String id = crash(app, "1.0.0");
    Api bob = server.newDeveloper();
    String alicePath = issuesPath(dev, app.appId());
    String bobPath = issuesPath(bob, app.appId());

    // bob naming alice's app under his own openId: the app is not his
    assertError(bob.get(bobPath), 404, 4004, "no app " + app.appId());
    assertError(bob.get(bobPath + "/" + id), 404, 4004, "no app");
    assertError(bob.get(bobPath + "/" + id + "/events"), 404, 4004, "no app");
    assertError(bob.post(bobPath + "/" + id + "/action", new JsonObject().putNull("resolve")), 404, 4004, "no app");
    // bob using alice's openId in the path: forbidden by the guard
    assertError(bob.get(alicePath), 403, 4003, "openId");
    assertError(bob.post(alicePath + "/" + id + "/action", new JsonObject().putNull("resolve")), 403, 4003, "openId");
    // nobody signed in
    assertError(server.anonymous().get(alicePath), 401, 4001, "X-Auth-Token");

    assertEquals("unresolved", issue(app, id).getString("status"), "nothing changed");
  }
}

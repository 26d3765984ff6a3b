package dev.beacon.api.content;

import static dev.beacon.api.content.ContentFixtures.fails;
import static dev.beacon.api.content.ContentFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Q&A community: account sync, the newest questions, asking, answering, moderating. */
class QaApiTest extends ContentApiTest {
  static final String SEED_SYNC = "{\"type\":\"email\",\"token\":\"f89a4c168a63a0874e8b77133f8fa15f\",\"openId\":\"1d2a338a4b224f94\",\"password\":\"www\"}";
  static final String PASSWORD = TestServer.DEVELOPER_PASSWORD;

  /** The seed's sync sample with a real developer's token, openId and password. */
  private static String syncBody(Api dev, String type, String password) {
    return SEED_SYNC.replace("email", type).replace("f89a4c168a63a0874e8b77133f8fa15f", dev.token)
        .replace("1d2a338a4b224f94", dev.openId).replace("www", password);
  }

  private static long ask(Api dev, String title, String content) {
    JsonObject body = new JsonObject().put("questionContext", title);
    if (content != null) {
      body.put("content", content);
    }
    return ok(dev.post("/v1/user/" + dev.openId + "/questions", body)).json().getLong("questionId");
  }

  private static long answer(Api dev, long questionId, String content) {
    return ok(dev.post("/v1/user/" + dev.openId + "/questions/" + questionId + "/answers", new JsonObject().put("content", content)))
        .json().getLong("answerId");
  }

  private static List<Long> ids(Resp list) {
    return list.json().getJsonArray("questions").stream().map(o -> ((JsonObject) o).getLong("questionId")).collect(Collectors.toList());
  }

  @Test
  void aDeveloperJoinsAndSyncsWithTheSeedsBodies() {
    Api dev = server.newDeveloper();
    fails(server.anonymous().raw("PUT", "/v1/user/", syncBody(dev, "phone", PASSWORD), "application/json"), 404, 4004, "has not joined");

    Resp joined = ok(server.anonymous().raw("POST", "/v1/user/", syncBody(dev, "email", PASSWORD), "application/json"));
    assertEquals("success", joined.json().getString("message"));
    assertEquals("success", joined.json().getString("msg"));
    assertFalse(joined.json().getBoolean("alreadyMember"));
    assertTrue(ok(server.anonymous().raw("POST", "/v1/user/", syncBody(dev, "email", PASSWORD), "application/json"))
        .json().getBoolean("alreadyMember"), "joining twice is harmless");
    Resp synced = ok(server.anonymous().raw("PUT", "/v1/user/", syncBody(dev, "phone", PASSWORD), "application/json"));
    assertEquals("success", synced.json().getString("message"));
  }

  @Test
  void syncChecksTokenOpenIdPasswordAndFields() {
    Api dev = server.newDeveloper();
    Api other = server.newDeveloper();
    fails(server.anonymous().raw("POST", "/v1/user/", SEED_SYNC, "application/json"), 401, 4001, "token");
    fails(server.anonymous().raw("POST", "/v1/user/", syncBody(dev, "email", PASSWORD).replace(dev.token, other.token), "application/json"),
        401, 4001, "token");
    fails(server.anonymous().raw("POST", "/v1/user/", syncBody(dev, "email", "not-the-password"), "application/json"), 401, 4001, "password");
    fails(server.anonymous().raw("POST", "/v1/user/", syncBody(dev, "fax", PASSWORD), "application/json"), 400, 4000, "type must be email or phone");
    for (String field : List.of("type", "token", "openId", "password")) {
      JsonObject body = new JsonObject(syncBody(dev, "email", PASSWORD));
      body.remove(field);
      fails(server.anonymous().post("/v1/user/", body), 400, 4000, field + " is required");
    }
    fails(server.anonymous().post("/v1/user/", new JsonObject(syncBody(dev, "email", PASSWORD)).put("token", 5)), 401, 4001, null);
    fails(server.anonymous().raw("POST", "/v1/user/", "{\"type\":", "application/json"), 400, 4000, "malformed JSON");
  }

  @Test
  void theNewestFiveComeFirstAndAnAnswerBringsAQuestionBack() {
    Api dev = server.newDeveloper();
    List<Long> asked = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      asked.add(ask(dev, "question " + i, null));
    }
    Resp latest = ok(server.anonymous().get("/v1/questions/"));
    assertEquals("success", latest.json().getString("message"));
    JsonArray questions = latest.json().getJsonArray("questions");
    assertEquals(5, questions.size());
    assertEquals(List.of(asked.get(6), asked.get(5), asked.get(4), asked.get(3), asked.get(2)), ids(latest));
    JsonObject newest = questions.getJsonObject(0);
    assertEquals("question 7", newest.getString("questionContext"));
    long now = System.currentTimeMillis() / 1000;
    assertTrue(Math.abs(newest.getLong("updateTime") - now) < 120, "epoch seconds: " + newest);

    answer(server.newDeveloper(), asked.get(0), "an answer");
    assertEquals(asked.get(0), ids(ok(server.anonymous().get("/v1/questions/"))).get(0), "answering is activity");

    Resp page = ok(server.anonymous().get("/v1/questions?pageNo=2&pageSize=3"));
    assertTrue(page.json().getInteger("totalCount") >= 7);
    assertEquals(List.of(asked.get(4), asked.get(3), asked.get(2)), ids(page));
    assertEquals(1, ok(server.anonymous().get("/v1/questions?pageSize=1")).json().getJsonArray("questions").getJsonObject(0).getInteger("answerCount"));
    fails(server.anonymous().get("/v1/questions?pageSize=500"), 400, 4000, "pageSize");
    fails(server.anonymous().get("/v1/questions?orderBy=title:asc"), 400, 4000, "orderBy");
  }

  @Test
  void aQuestionShowsItsAnswersWithSanitisedHtml() {
    Api asker = server.newDeveloper();
    Api helper = server.newDeveloper();
    long q = ask(asker, "How do I <b>start</b>?", "Tried this:\n\n<script>alert('q')</script>\n\n`code`");
    long a1 = answer(helper, q, "Use **this**. [x](javascript:alert(1))");
    answer(asker, q, "<img src=x onerror=alert(1)> thanks");

    JsonObject question = ok(server.anonymous().get("/v1/questions/" + q)).json().getJsonObject("question");
    assertEquals("How do I <b>start</b>?", question.getString("questionContext"), "a title is plain text, sent as it is");
    assertEquals(asker.openId, question.getString("openId"));
    String qHtml = question.getString("contentHtml");
    assertFalse(qHtml.contains("<script"), qHtml);
    assertTrue(qHtml.contains("&lt;script&gt;") && qHtml.contains("<code>code</code>"), qHtml);
    JsonArray answers = question.getJsonArray("answers");
    assertEquals(2, answers.size());
    assertEquals(2, question.getInteger("answerCount"));
    JsonObject first = answers.getJsonObject(0);
    assertEquals(a1, first.getLong("answerId"));
    assertEquals(helper.openId, first.getString("openId"));
    assertTrue(first.getString("contentHtml").contains("<strong>this</strong>"));
    assertFalse(first.getString("contentHtml").contains("javascript:"), first.getString("contentHtml"));
    assertFalse(answers.getJsonObject(1).getString("contentHtml").contains("<img"));
  }

  @Test
  void askingAndAnsweringAreCheckedAndNeedTheCaller() {
    Api dev = server.newDeveloper();
    Api other = server.newDeveloper();
    String asks = "/v1/user/" + dev.openId + "/questions";
    fails(dev.post(asks, new JsonObject().put("content", "no title")), 400, 4000, "questionContext is required");
    fails(dev.post(asks, new JsonObject().put("questionContext", "x".repeat(256))), 400, 4000, "questionContext");
    fails(other.post(asks, new JsonObject().put("questionContext", "as someone else")), 403, 4003, "openId");
    fails(server.anonymous().post(asks, new JsonObject().put("questionContext", "anonymous")), 401, 4001, null);
    long q = ask(dev, "checked", null);
    fails(dev.post(asks + "/" + q + "/answers", new JsonObject()), 400, 4000, "content is required");
    fails(dev.post(asks + "/999999/answers", new JsonObject().put("content", "x")), 404, 4004, "no question 999999");
    fails(dev.post(asks + "/abc/answers", new JsonObject().put("content", "x")), 400, 4000, "questionId");
    fails(server.anonymous().get("/v1/questions/999999"), 404, 4004, "no question 999999");
    fails(server.anonymous().get("/v1/questions/abc"), 400, 4000, "questionId must be a positive integer");
  }

  @Test
  void anAdminDeletesAnswersAndQuestions() {
    Api dev = server.newDeveloper();
    long q = ask(dev, "to moderate", null);
    long a = answer(dev, q, "spam");
    answer(dev, q, "useful");

    fails(dev.delete("/v1/admin/answers/" + a), 403, 4003, "admin");
    fails(dev.delete("/v1/admin/questions/" + q), 403, 4003, "admin");
    fails(server.anonymous().delete("/v1/admin/questions/" + q), 401, 4001, null);

    Resp deleted = ok(admin.delete("/v1/admin/answers/" + a));
    assertEquals("success", deleted.json().getString("message"));
    JsonArray left = ok(server.anonymous().get("/v1/questions/" + q)).json().getJsonObject("question").getJsonArray("answers");
    assertEquals(List.of("useful"), left.stream().map(o -> ((JsonObject) o).getString("content")).collect(Collectors.toList()));
    fails(admin.delete("/v1/admin/answers/" + a), 404, 4004, "no answer " + a);

    ok(admin.delete("/v1/admin/questions/" + q));
    fails(server.anonymous().get("/v1/questions/" + q), 404, 4004, "no question " + q);
    assertFalse(ids(ok(server.anonymous().get("/v1/questions?pageSize=100"))).contains(q));
    fails(admin.delete("/v1/admin/questions/" + q), 404, 4004, "no question");
    fails(admin.delete("/v1/admin/answers/x"), 400, 4000, "answerId");
  }
}

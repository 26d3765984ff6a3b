package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The Q&A routes the console uses: questions by last activity, one question with its answers, answering, moderating. Blocking. */
public final class QaApi {
  private final BeaconClient client;

  public QaApi(BeaconClient client) {
    this.client = client;
  }

  /** {@code GET /v1/questions}: page {@code pageNo} (1-based) of {@code pageSize}. */
  public QuestionPage questions(int pageNo, int pageSize) throws ApiError {
    JsonObject j = client.get("v1/questions", Map.of("pageNo", pageNo, "pageSize", pageSize));
    var questions = Json.list(j, "questions", Question::of);
    return new QuestionPage(questions, Json.number(j, "totalCount", questions.size()));
  }

  /** {@code GET /v1/questions/{id}}: the question with its answers. */
  public Question question(long id) throws ApiError {
    return Question.of(client.get("v1/questions/" + id, Map.of()).getJsonObject("question"));
  }

  /** Asks a question as the signed-in developer; its id. */
  public long ask(String title, String markdown) throws ApiError {
    JsonObject body = new JsonObject().put("questionContext", title);
    if (markdown != null) {
      body.put("content", markdown);
    }
    return Json.number(client.post("v1/user/" + client.openId() + "/questions", body), "questionId", 0);
  }

  /** Answers question {@code id} as the signed-in developer. */
  public void answer(long id, String markdown) throws ApiError {
    client.post("v1/user/" + client.openId() + "/questions/" + id + "/answers", new JsonObject().put("content", markdown));
  }

  /** Deletes a question with its answers (admin). */
  public void deleteQuestion(long id) throws ApiError {
    client.delete("v1/admin/questions/" + id);
  }

  /** Deletes one answer (admin). */
  public void deleteAnswer(long answerId) throws ApiError {
    client.delete("v1/admin/answers/" + answerId);
  }
}

package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A Q&A question: its {@code title} (the API's questionContext), markdown {@code content},
 * {@code updateTime} (last activity, epoch seconds) and, when read one by one, its answers.
 */
public record Question(long questionId, String title, String content, long answerCount, long updateTime, List<Answer> answers) {
  static Question of(JsonObject j) {
    return new Question(Json.number(j, "questionId", 0), Json.text(j, "questionContext"), Json.text(j, "content"),
        Json.number(j, "answerCount", 0), Json.number(j, "updateTime", 0), Json.list(j, "answers", Answer::of));
  }
}

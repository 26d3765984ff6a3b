package dev.beacon.api.content.qa;

import dev.beacon.api.content.Markdown;
import dev.beacon.api.content.Text;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Questions and answers. Times are epoch seconds as the seed's {@code updateTime}. Titles are
 * plain text (escape them when showing); bodies come as the markdown sent ({@code content}) and
 * as sanitised HTML ({@code contentHtml}, raw HTML escaped, unsafe links dropped).
 */
final class QaJson {
  private QaJson() {}

  /** A list item: the seed's {@code questionId, questionContext, updateTime}, with author, age and answer count. */
  static JsonObject item(QaQuestion q, long answerCount) {
    return new JsonObject()
        .put("questionId", q.questionId)
        .put("questionContext", q.title)
        .put("updateTime", seconds(q.updatedAt))
        .put("createTime", seconds(q.createdAt))
        .put("openId", q.openId)
        .put("answerCount", answerCount);
  }

  static JsonObject question(QaQuestion q, List<QaAnswer> answers) {
    return item(q, answers.size())
        .put("content", Text.orEmpty(q.content))
        .put("contentHtml", Markdown.toHtml(q.content))
        .put("answers", new JsonArray(answers.stream().map(QaJson::answer).toList()));
  }

  static JsonObject answer(QaAnswer a) {
    return new JsonObject()
        .put("answerId", a.answerId)
        .put("questionId", a.questionId)
        .put("openId", a.openId)
        .put("content", a.content)
        .put("contentHtml", Markdown.toHtml(a.content))
        .put("createTime", seconds(a.createdAt));
  }

  private static long seconds(Instant t) {
    return t.getEpochSecond();
  }
}

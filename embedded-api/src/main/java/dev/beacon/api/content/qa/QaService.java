package dev.beacon.api.content.qa;

import dev.beacon.api.content.Lookup;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.ListQuery;
import dev.beacon.api.core.Ordering;
import dev.beacon.api.core.Page;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** The Q&A community. Every method runs inside a transaction the caller opened. */
final class QaService {
  /** Questions are listed by last activity, newest first (the seed's "latest five"). */
  static final Ordering ORDER =
      Ordering.of(Map.of("update_time", "updatedAt", "create_time", "createdAt"), "update_time:desc", "questionId").tiesDescending();

  private final ServerContext sc;

  QaService(ServerContext sc) {
    this.sc = sc;
  }

  /** Makes the developer a member (again: joining twice is harmless); answers whether they were one already. */
  boolean join(Session s, String openId) {
    QaMember m = s.find(QaMember.class, openId);
    if (m != null) {
      m.syncedAt = sc.now();
      return true;
    }
    m = new QaMember();
    m.openId = openId;
    m.joinedAt = sc.now();
    m.syncedAt = m.joinedAt;
    s.persist(m);
    return false;
  }

  /** Records a password sync; 4004 for a developer who never joined. */
  void sync(Session s, String openId) {
    QaMember m = s.find(QaMember.class, openId);
    if (m == null) {
      throw ApiException.notFound("openId " + openId + " has not joined the Q&A community; POST /v1/user/ first");
    }
    m.syncedAt = sc.now();
  }

  /** Asks a question; asking makes the developer a member. */
  QaQuestion ask(Session s, String openId, String title, String content) {
    join(s, openId);
    QaQuestion q = new QaQuestion();
    q.openId = openId;
    q.title = title;
    q.content = content;
    q.createdAt = sc.now();
    q.updatedAt = q.createdAt;
    s.persist(q);
    return q;
  }

  /** Answers a question, which moves it to the top of the newest. */
  QaAnswer answer(Session s, String openId, long questionId, String content) {
    QaQuestion q = question(s, questionId);
    join(s, openId);
    QaAnswer a = new QaAnswer();
    a.questionId = q.questionId;
    a.openId = openId;
    a.content = content;
    a.createdAt = sc.now();
    q.updatedAt = a.createdAt;
    s.persist(a);
    return a;
  }

  /** One page of questions with their answer counts: {@code totalCount} and {@code questions}. */
  JsonObject list(Session s, Paging paging) {
    Page<QaQuestion> page = ListQuery.of(QaQuestion.class, "q").page(s, QaQuestion.class, paging);
    Map<Long, Long> counts = new HashMap<>();
    List<Long> ids = page.items().stream().map(q -> q.questionId).toList();
    if (!ids.isEmpty()) {
      s.createSelectionQuery("select a.questionId, count(a) from QaAnswer a where a.questionId in :ids group by a.questionId",
          Object[].class).setParameter("ids", ids).getResultList().forEach(r -> counts.put((Long) r[0], (Long) r[1]));
    }
    JsonArray items = new JsonArray(page.items().stream().map(q -> QaJson.item(q, counts.getOrDefault(q.questionId, 0L))).toList());
    return new JsonObject().put("totalCount", page.totalCount()).put("questions", items);
  }

  /** A question with its answers, oldest first. */
  JsonObject detail(Session s, long questionId) {
    QaQuestion q = question(s, questionId);
    List<QaAnswer> answers = s.createSelectionQuery(
            "from QaAnswer a where a.questionId = :q order by a.createdAt, a.answerId", QaAnswer.class)
        .setParameter("q", questionId).getResultList();
    return QaJson.question(q, answers);
  }

  /** Deletes a question with its answers (an admin's moderation). */
  void deleteQuestion(Session s, long questionId) {
    QaQuestion q = question(s, questionId);
    s.createMutationQuery("delete from QaAnswer a where a.questionId = :q").setParameter("q", questionId).executeUpdate();
    s.remove(q);
  }

  void deleteAnswer(Session s, long answerId) {
    s.remove(Lookup.require(s, QaAnswer.class, answerId, "answer"));
  }

  private static QaQuestion question(Session s, long questionId) {
    return Lookup.require(s, QaQuestion.class, questionId, "question");
  }
}

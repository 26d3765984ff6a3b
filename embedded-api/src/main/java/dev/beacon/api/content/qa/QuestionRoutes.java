package dev.beacon.api.content.qa;

import dev.beacon.api.auth.Principal;
import dev.beacon.api.content.NumericId;
import dev.beacon.api.content.Text;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.Routes;
import io.vertx.ext.web.RoutingContext;

/**
 * Questions and answers. The seed has only {@code GET /v1/questions/} (the five newest); the rest
 * is the minimum that makes a community: ask ({@code POST /v1/user/{openId}/questions}), answer
 * ({@code POST /v1/user/{openId}/questions/{id}/answers}), read ({@code GET /v1/questions/{id}}),
 * page through ({@code GET /v1/questions?pageNo=&pageSize=}), and moderate
 * ({@code DELETE /v1/admin/questions/{id}}, {@code DELETE /v1/admin/answers/{id}}). Answers carry
 * both {@code msg} and {@code message}, as the seed's Q&A sample.
 */
final class QuestionRoutes {
  /** The seed's front page shows the newest five. */
  static final int LATEST = 5;

  private final Db db;
  private final QaService qa;

  QuestionRoutes(Db db, QaService qa) {
    this.db = db;
    this.qa = qa;
  }

  void mount(Routes routes) {
    // Vert.x matches "/v1/questions/" here too (a trailing slash is not significant)
    routes.get("/v1/questions").open(this::list);
    routes.get("/v1/questions/:questionId").open(this::detail);
    routes.post("/v1/user/:openId/questions").developer(this::ask);
    routes.post("/v1/user/:openId/questions/:questionId/answers").developer(this::answer);
    routes.delete("/v1/admin/questions/:questionId").admin(this::deleteQuestion);
    routes.delete("/v1/admin/answers/:answerId").admin(this::deleteAnswer);
  }

  /** Newest activity first, five to a page unless {@code pageSize} says otherwise. */
  private void list(RoutingContext ctx) {
    Paging paging = Paging.from(Params.of(ctx), QaService.ORDER, LATEST);
    Http.reply(ctx, db.tx(s -> qa.list(s, paging)).map(page -> Http.okWithMessage().mergeIn(page)));
  }

  private void detail(RoutingContext ctx) {
    long id = NumericId.fromPath(ctx, "questionId");
    Http.reply(ctx, db.tx(s -> qa.detail(s, id)).map(q -> Http.okWithMessage().put("question", q)));
  }

  /** {@code questionContext} (the title, plain text) and optional markdown {@code content}. */
  private void ask(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Body b = Body.of(ctx);
    String title = b.requiredString("questionContext", QaQuestion.TITLE_MAX).trim();
    String content = Text.blankToNull(b.optionalString("content", QaQuestion.CONTENT_MAX));
    Http.reply(ctx, db.tx(s -> {
      QaQuestion q = qa.ask(s, openId, title, content);
      s.flush();
      return Http.okWithMessage().put("questionId", q.questionId).put("question", qa.detail(s, q.questionId));
    }));
  }

  /** {@code content}, markdown. */
  private void answer(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    long questionId = NumericId.fromPath(ctx, "questionId");
    String content = Body.of(ctx).requiredString("content", QaAnswer.CONTENT_MAX);
    Http.reply(ctx, db.tx(s -> {
      QaAnswer a = qa.answer(s, openId, questionId, content);
      s.flush();
      return Http.okWithMessage().put("answerId", a.answerId).put("answer", QaJson.answer(a));
    }));
  }

  private void deleteQuestion(RoutingContext ctx) {
    long id = NumericId.fromPath(ctx, "questionId");
    Http.reply(ctx, db.tx(s -> {
      qa.deleteQuestion(s, id);
      return Http.okWithMessage();
    }));
  }

  private void deleteAnswer(RoutingContext ctx) {
    long id = NumericId.fromPath(ctx, "answerId");
    Http.reply(ctx, db.tx(s -> {
      qa.deleteAnswer(s, id);
      return Http.okWithMessage();
    }));
  }
}

package dev.beacon.desktop.content;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Q&A tab's state: one page of questions by last activity, the open question with its answers. */
public final class QaModel {
  static final int PAGE = 20;

  private final ConsoleContext ctx;
  final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  final ObservableList<JsonObject> questions = FXCollections.observableArrayList();
  final IntegerProperty page = new SimpleIntegerProperty(this, "page", 1);
  final IntegerProperty total = new SimpleIntegerProperty(this, "total");
  /** The open question: {questionId, questionContext, content, contentHtml, answers[]}, or null. */
  final ObjectProperty<JsonObject> question = new SimpleObjectProperty<>(this, "question");
  final ObservableList<JsonObject> answers = FXCollections.observableArrayList();

  public QaModel(ConsoleContext ctx) {
    this.ctx = ctx;
  }

  int pages() {
    return Math.max(1, (total.get() + PAGE - 1) / PAGE);
  }

  /** Loads page {@code n} (1-based) of the questions. */
  public void load(int n) {
    BeaconClient c = ctx.client();
    if (c == null) {
      return;
    }
    int p = Math.max(1, n);
    Background.run(ctx, () -> c.get("v1/questions", Map.of("pageNo", p, "pageSize", PAGE)), j -> {
      questions.setAll(Rows.objects(j, "questions"));
      total.set(j.getInteger("totalCount", questions.size()));
      page.set(p);
    }, busy, problem);
  }

  /** Opens a question (null closes it). */
  public void open(JsonObject q) {
    BeaconClient c = ctx.client();
    if (q == null || c == null) {
      question.set(null);
      answers.clear();
      return;
    }
    long id = q.getLong("questionId");
    Background.run(ctx, () -> c.get("v1/questions/" + id, Map.of()).getJsonObject("question"), this::show, busy, problem);
  }

  private void show(JsonObject q) {
    question.set(q);
    answers.setAll(Rows.objects(q, "answers"));
  }

  private long openId() {
    return question.get().getLong("questionId");
  }

  /** Posts an answer to the open question as the signed-in developer, then reloads it. */
  public void answer(String markdown, Runnable posted) {
    if (question.get() == null) {
      return;
    }
    BeaconClient c = ctx.client();
    long id = openId();
    Background.run(ctx, () -> {
      c.post("v1/user/" + c.openId() + "/questions/" + id + "/answers", new JsonObject().put("content", markdown));
      return c.get("v1/questions/" + id, Map.of()).getJsonObject("question");
    }, q -> {
      show(q);
      posted.run();
      load(page.get());
    }, busy, problem);
  }

  /** Deletes the open question with its answers (admin). */
  public void deleteQuestion() {
    if (question.get() == null) {
      return;
    }
    BeaconClient c = ctx.client();
    long id = openId();
    Background.run(ctx, () -> c.delete("v1/admin/questions/" + id), j -> {
      question.set(null);
      answers.clear();
      load(page.get());
    }, busy, problem);
  }

  /** Deletes one answer of the open question (admin). */
  public void deleteAnswer(JsonObject answer) {
    BeaconClient c = ctx.client();
    long id = openId();
    long answerId = answer.getLong("answerId");
    Background.run(ctx, () -> {
      c.delete("v1/admin/answers/" + answerId);
      return c.get("v1/questions/" + id, Map.of()).getJsonObject("question");
    }, this::show, busy, problem);
  }
}

package dev.beacon.desktop.content;

import dev.beacon.desktop.client.Answer;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.QaApi;
import dev.beacon.desktop.client.Question;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.Confirm;
import dev.beacon.desktop.ui.ConsoleContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Q&A tab's state: one page of questions by last activity, the open question with its answers. */
public final class QaModel {
  static final int PAGE = 20;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final ConsoleContext ctx;
  final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  final ObservableList<Question> questions = FXCollections.observableArrayList();
  final IntegerProperty page = new SimpleIntegerProperty(this, "page", 1);
  final LongProperty total = new SimpleLongProperty(this, "total");
  /** The open question, with its answers; null while none is open. */
  final ObjectProperty<Question> question = new SimpleObjectProperty<>(this, "question");
  final ObservableList<Answer> answers = FXCollections.observableArrayList();
  /** "page 2 of 3 · 45 questions". */
  final StringBinding pageText = Bindings.createStringBinding(
      () -> "page " + page.get() + " of " + pages() + " · " + total.get() + " questions", page, total);
  final BooleanBinding hasNewer = page.greaterThan(1);
  final BooleanBinding hasOlder = Bindings.createBooleanBinding(() -> page.get() < pages(), page, total);
  /** The open question's title and markdown ("" while none is open). */
  final StringBinding title = Bindings.createStringBinding(() -> question.get() == null ? "" : question.get().title(), question);
  final StringBinding body = Bindings.createStringBinding(() -> question.get() == null ? "" : question.get().content(), question);

  public QaModel(ConsoleContext ctx) {
    this.ctx = ctx;
  }

  int pages() {
    return (int) Math.max(1, (total.get() + PAGE - 1) / PAGE);
  }

  /** "2026-11-23 14:05" for a time in epoch seconds; "" for none. */
  static String when(long epochSeconds) {
    return epochSeconds <= 0 ? "" : WHEN.format(Instant.ofEpochSecond(epochSeconds));
  }

  /** An answer as the list shows it: its text, then who and when. */
  static String answerText(Answer a) {
    return a.content() + "\n— " + a.openId() + ", " + when(a.createTime());
  }

  /** What to ask before deleting the open question (null while none is open). */
  Confirm.Question confirmDeleteQuestion() {
    Question q = question.get();
    return q == null ? null : new Confirm.Question("Delete the question '" + q.title() + "'?",
        "Its " + answers.size() + " answer(s) go with it.", "Delete");
  }

  /** What to ask before deleting {@code a}. */
  static Confirm.Question confirmDeleteAnswer(Answer a) {
    return new Confirm.Question("Delete this answer?", a.content(), "Delete");
  }

  /** Loads page {@code n} (1-based) of the questions. */
  public void load(int n) {
    BeaconClient c = ctx.client();
    if (c == null) {
      return;
    }
    int p = Math.max(1, n);
    Background.run(ctx, () -> new QaApi(c).questions(p, PAGE), got -> {
      questions.setAll(got.questions());
      total.set(got.total());
      page.set(p);
    }, busy, problem);
  }

  public void newer() {
    load(page.get() - 1);
  }

  public void older() {
    load(page.get() + 1);
  }

  /** Opens a question (null closes it). */
  public void open(Question q) {
    BeaconClient c = ctx.client();
    if (q == null || c == null) {
      show(null);
      return;
    }
    long id = q.questionId();
    Background.run(ctx, () -> new QaApi(c).question(id), this::show, busy, problem);
  }

  private void show(Question q) {
    question.set(q);
    if (q == null) {
      answers.clear();
    } else {
      answers.setAll(q.answers());
    }
  }

  /** Posts an answer to the open question as the signed-in developer, then reloads it. */
  public void answer(String markdown, Runnable posted) {
    if (question.get() == null) {
      return;
    }
    QaApi api = new QaApi(ctx.client());
    long id = question.get().questionId();
    Background.run(ctx, () -> {
      api.answer(id, markdown);
      return api.question(id);
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
    QaApi api = new QaApi(ctx.client());
    long id = question.get().questionId();
    Background.run(ctx, () -> {
      api.deleteQuestion(id);
      return id;
    }, gone -> {
      show(null);
      load(page.get());
    }, busy, problem);
  }

  /** Deletes one answer of the open question (admin). */
  public void deleteAnswer(Answer answer) {
    if (question.get() == null) {
      return;
    }
    QaApi api = new QaApi(ctx.client());
    long id = question.get().questionId();
    Background.run(ctx, () -> {
      api.deleteAnswer(answer.answerId());
      return api.question(id);
    }, this::show, busy, problem);
  }
}

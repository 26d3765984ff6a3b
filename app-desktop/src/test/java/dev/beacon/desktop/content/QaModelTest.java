package dev.beacon.desktop.content;

import static dev.beacon.desktop.support.Models.call;
import static dev.beacon.desktop.support.Models.run;
import static dev.beacon.desktop.support.Models.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.QaApi;
import dev.beacon.desktop.client.Question;
import dev.beacon.desktop.support.Models;
import dev.beacon.desktop.ui.ConsoleContext;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The Q&A tab's model against the real server, without a stage: paging, answering, moderating. */
class QaModelTest {

  private static QaModel model(ConsoleContext ctx) throws Exception {
    return call(() -> new QaModel(ctx));
  }

  @Test
  void answersAndDeletesAsAnAdmin() throws Exception {
    BeaconClient admin = Models.server().admin();
    String title = unique("How do I ship?");
    long id = new QaApi(admin).ask(title, "With **Beacon**.");
    QaModel qa = model(Models.administrator());
    run(() -> qa.load(1));
    assertEquals("", qa.problem.get());
    Question q = qa.questions.stream().filter(x -> x.questionId() == id).findFirst().orElseThrow();
    assertEquals(title, q.title());
    assertEquals(0, q.answerCount());
    assertFalse(call(qa.hasNewer::get));
    String pageText = call(qa.pageText::get);
    assertTrue(pageText.startsWith("page 1 of "), pageText);

    run(() -> qa.open(q));
    assertEquals(title, call(qa.title::get));
    assertEquals("With **Beacon**.", call(qa.body::get));
    assertEquals(0, qa.answers.size());
    AtomicBoolean posted = new AtomicBoolean();
    run(() -> qa.answer("Publish a version.", () -> posted.set(true)));
    assertTrue(posted.get(), "the form is told to clear");
    assertEquals(1, qa.answers.size());
    assertEquals("Publish a version.", qa.answers.get(0).content());
    assertTrue(QaModel.answerText(qa.answers.get(0)).startsWith("Publish a version.\n— " + admin.openId() + ", "));
    assertEquals(1, qa.questions.stream().filter(x -> x.questionId() == id).findFirst().orElseThrow().answerCount(),
        "the list is reloaded with the count");

    run(() -> qa.deleteAnswer(qa.answers.get(0)));
    assertEquals(0, qa.answers.size());
    assertEquals(0, new QaApi(admin).question(id).answers().size());

    assertEquals(new dev.beacon.desktop.ui.Confirm.Question("Delete the question '" + title + "'?",
        "Its 0 answer(s) go with it.", "Delete"), call(qa::confirmDeleteQuestion));
    run(qa::deleteQuestion);
    assertNull(qa.question.get());
    assertEquals("", call(qa.title::get));
    assertTrue(qa.questions.stream().noneMatch(x -> x.questionId() == id));
  }

  @Test
  void pagesThroughTheQuestions() throws Exception {
    QaApi api = new QaApi(Models.server().admin());
    for (int i = 0; i < QaModel.PAGE + 1; i++) {
      api.ask(unique("Question " + i), null);
    }
    QaModel qa = model(Models.administrator());
    run(() -> qa.load(1));
    assertEquals(QaModel.PAGE, qa.questions.size());
    assertTrue(qa.total.get() > QaModel.PAGE);
    assertTrue(call(qa.hasOlder::get));
    run(qa::older);
    assertEquals(2, qa.page.get());
    assertTrue(call(qa.hasNewer::get));
    assertFalse(qa.questions.isEmpty());
    run(qa::newer);
    assertEquals(1, qa.page.get());
    run(() -> qa.load(0));
    assertEquals(1, qa.page.get(), "pages start at 1");
  }

  @Test
  void aFailedCallSaysWhyAndNothingLoadsSignedOut() throws Exception {
    QaModel signedOut = model(Models.signedOut());
    run(() -> signedOut.load(1));
    assertEquals(0, signedOut.questions.size());
    assertEquals("", signedOut.problem.get());

    QaModel qa = model(Models.administrator());
    run(() -> qa.open(new Question(987654321L, "gone", "", 0, 0, java.util.List.of())));
    assertFalse(qa.problem.get().isEmpty(), "the server's reason is shown");
    assertNull(qa.question.get());
  }
}

package dev.beacon.desktop.content;

import dev.beacon.desktop.client.Answer;
import dev.beacon.desktop.client.Question;
import dev.beacon.desktop.ui.Confirm;
import dev.beacon.desktop.ui.Columns;
import dev.beacon.desktop.ui.StatusLine;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Q&A tab: questions by last activity (paged), the open question's answers, answering and moderating. Builds and binds only. */
final class QaView extends BorderPane {
  private final QaModel model;

  QaView(QaModel model) {
    this.model = model;
    setId("qa");
    TableView<Question> table = new TableView<>(model.questions);
    table.setId("qa-table");
    table.getColumns().setAll(java.util.List.of(
        Columns.text("Question", Question::title, 320),
        Columns.number("Answers", Question::answerCount, 70),
        Columns.text("Last activity", (Question q) -> QaModel.when(q.updateTime()), 130)));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Label none = new Label("No questions yet — developers ask them from the Q&A community.");
    none.getStyleClass().add("empty-title");
    table.setPlaceholder(none);
    table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (now != null) {
        model.open(now);
      }
    });
    Button prev = new Button("◀ Newer");
    prev.setId("qa-prev");
    prev.disableProperty().bind(model.hasNewer.not());
    prev.setOnAction(e -> model.newer());
    Button next = new Button("Older ▶");
    next.setId("qa-next");
    next.disableProperty().bind(model.hasOlder.not());
    next.setOnAction(e -> model.older());
    Label pageText = new Label();
    pageText.textProperty().bind(model.pageText);
    Button reload = new Button("Reload");
    reload.setId("qa-reload");
    reload.setOnAction(e -> model.load(model.page.get()));
    HBox pager = new HBox(8, prev, next, pageText, reload, new StatusLine("qa", model.busy, model.problem));
    pager.setAlignment(Pos.CENTER_LEFT);
    VBox left = new VBox(6, table, pager);
    VBox.setVgrow(table, Priority.ALWAYS);
    left.setPadding(new Insets(8));

    SplitPane split = new SplitPane(left, questionPane());
    split.setDividerPositions(0.5);
    setCenter(split);
  }

  private Region questionPane() {
    Label title = new Label();
    title.setId("qa-title");
    title.setWrapText(true);
    title.getStyleClass().add("form-title");
    TextArea body = new TextArea();
    body.setId("qa-body");
    body.setEditable(false);
    body.setWrapText(true);
    body.setPrefRowCount(4);
    ListView<Answer> answers = new ListView<>(model.answers);
    answers.setId("qa-answers");
    answers.setPlaceholder(new Label("No answers yet."));
    answers.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(Answer a, boolean empty) {
        super.updateItem(a, empty);
        setWrapText(true);
        setPrefWidth(0);
        setText(empty || a == null ? null : QaModel.answerText(a));
      }
    });
    Button deleteAnswer = new Button("Delete answer…");
    deleteAnswer.setId("qa-delete-answer");
    deleteAnswer.disableProperty().bind(answers.getSelectionModel().selectedItemProperty().isNull());
    deleteAnswer.setOnAction(e -> {
      Answer a = answers.getSelectionModel().getSelectedItem();
      if (a != null && Confirm.ask(this, QaModel.confirmDeleteAnswer(a))) {
        model.deleteAnswer(a);
      }
    });
    Button deleteQuestion = new Button("Delete question…");
    deleteQuestion.setId("qa-delete-question");
    deleteQuestion.setOnAction(e -> {
      if (model.question.get() != null && Confirm.ask(this, model.confirmDeleteQuestion())) {
        model.deleteQuestion();
      }
    });
    TextArea reply = new TextArea();
    reply.setId("qa-answer-text");
    reply.setPromptText("Your answer (markdown)");
    reply.setWrapText(true);
    reply.setPrefRowCount(4);
    Button post = new Button("_Post answer");
    post.setId("qa-answer-post");
    post.disableProperty().bind(reply.textProperty().isEmpty());
    post.setOnAction(e -> model.answer(reply.getText(), reply::clear));
    HBox actions = new HBox(8, deleteAnswer, deleteQuestion, new Region(), post);
    HBox.setHgrow(actions.getChildren().get(2), Priority.ALWAYS);
    VBox box = new VBox(8, title, body, new Label("Answers"), answers, reply, actions);
    VBox.setVgrow(answers, Priority.ALWAYS);
    box.setPadding(new Insets(8));
    Label pick = new Label("Select a question to read and answer it.");
    pick.getStyleClass().add("empty-title");
    box.disableProperty().bind(model.question.isNull());
    title.textProperty().bind(model.title);
    body.textProperty().bind(model.body);
    return box;
  }
}

package dev.beacon.api.content.qa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An answer to a question, in markdown. Deleting the question deletes its answers (the schema cascades). */
@Entity
@Table(name = "qa_answer")
public class QaAnswer {
  public static final int CONTENT_MAX = QaQuestion.CONTENT_MAX;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "answer_id")
  public Long answerId;

  @Column(name = "question_id", nullable = false)
  public Long questionId;

  @Column(name = "open_id", nullable = false, length = 32)
  public String openId;

  @Column(nullable = false, length = CONTENT_MAX)
  public String content;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}

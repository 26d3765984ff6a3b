package dev.beacon.api.content.qa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A question: a plain-text title (the seed's {@code questionContext}) and optional markdown details. */
@Entity
@Table(name = "qa_question")
public class QaQuestion {
  public static final int TITLE_MAX = 255;
  public static final int CONTENT_MAX = 20_000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "question_id")
  public Long questionId;

  @Column(name = "open_id", nullable = false, length = 32)
  public String openId;

  @Column(nullable = false, length = TITLE_MAX)
  public String title;

  @Column(length = CONTENT_MAX)
  public String content;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** The last activity: when it was asked or last answered (the seed's {@code updateTime}). */
  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}

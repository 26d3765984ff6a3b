package dev.beacon.api.content.posters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A poster of the website's carousel: a picture url, shown in {@code sequence} order, linking to {@code href}. */
@Entity
@Table(name = "poster")
public class Poster {
  public static final int URL_MAX = 2000;
  public static final int NAME_MAX = 255;
  public static final int DESC_MAX = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "poster_id")
  public Long posterId;

  @Column(nullable = false, length = URL_MAX)
  public String url;

  @Column(length = NAME_MAX)
  public String name;

  @Column(nullable = false)
  public int sequence;

  @Column(name = "description", length = DESC_MAX)
  public String desc;

  @Column(length = URL_MAX)
  public String href;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}

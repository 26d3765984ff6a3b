package dev.beacon.api.releases;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * The body of a version's {@code .../action}: the seed's {@code {"release":null}} and
 * {@code {"disable":null}} (keys are trimmed: the seed sends "disable "), and the staged-rollout
 * actions {@code {"release":{"rollout":25,"downgrade":true}}}, {@code {"rollout":50}},
 * {@code {"halt":null}}, {@code {"resume":null}}, {@code {"complete":null}},
 * {@code {"rollback":null}}; each may carry a {@code "comment"} for the history.
 *
 * @param kind what to do
 * @param rollout the percentage for release and rollout (100 when a release names none)
 * @param downgrade for release: offer it even to machines on a newer version
 * @param comment a note for the history, or null
 */
public record ReleaseAction(Kind kind, int rollout, boolean downgrade, String comment) {
  /** The actions, by their key in the body. */
  public enum Kind {
    RELEASE, DISABLE, ROLLOUT, HALT, RESUME, COMPLETE, ROLLBACK;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final String FORMS = "the body must be one of {\"release\":null}, {\"release\":{\"rollout\":25,\"downgrade\":false}}, "
      + "{\"rollout\":50}, {\"halt\":null}, {\"resume\":null}, {\"complete\":null}, {\"rollback\":null} or {\"disable\":null}"
      + " (with an optional \"comment\")";
  static final int COMMENT_MAX = 2000;

  /** The action a body asks for; 4000 for any other body. */
  public static ReleaseAction of(Body b) {
    String comment = b.optionalString("comment", COMMENT_MAX);
    List<Kind> asked = java.util.Arrays.stream(Kind.values()).filter(k -> b.has(k.key())).toList();
    int expected = 1 + (b.has("comment") ? 1 : 0);
    if (asked.size() != 1 || b.json().size() != expected) {
      throw ApiException.badParameter(FORMS);
    }
    Kind kind = asked.get(0);
    int rollout = 100;
    boolean downgrade = false;
    if (kind == Kind.RELEASE && b.value("release") != null) {
      if (!(b.value("release") instanceof JsonObject opts)) {
        throw ApiException.badParameter("release must be null or {\"rollout\":1..100,\"downgrade\":true|false}");
      }
      Body o = Body.of(opts);
      Integer r = o.optionalInt("rollout");
      rollout = r == null ? 100 : percent("release.rollout", r);
      Boolean d = o.optionalBoolean("downgrade");
      downgrade = d != null && d;
    } else if (kind == Kind.ROLLOUT) {
      rollout = percent("rollout", b.requiredInt("rollout"));
    } else if (b.value(kind.key()) != null) {
      throw ApiException.badParameter(kind.key() + " takes null: {\"" + kind.key() + "\":null}");
    }
    return new ReleaseAction(kind, rollout, downgrade, comment == null || comment.isBlank() ? null : comment.trim());
  }

  private static int percent(String field, int value) {
    if (value < 1 || value > 100) {
      throw ApiException.badParameter(field + " must be a percentage from 1 to 100, got " + value);
    }
    return value;
  }

  /** The state and percentage the action moves a version in {@code from} (at {@code percent}) to; 4007 when it cannot. */
  Target target(ReleaseState from, int percent, String name) {
    return switch (kind) {
      case RELEASE -> new Target(rollout < 100 ? ReleaseState.ROLLING : ReleaseState.RELEASED, rollout);
      case DISABLE -> new Target(ReleaseState.DISABLED, percent);
      case ROLLOUT -> {
        require(from.live(), name, "is not released: release it with {\"release\":{\"rollout\":" + rollout + "}} first");
        ReleaseState to = from == ReleaseState.HALTED ? ReleaseState.HALTED : rollout < 100 ? ReleaseState.ROLLING : ReleaseState.RELEASED;
        yield new Target(to, rollout);
      }
      case HALT -> {
        require(from == ReleaseState.ROLLING || from == ReleaseState.RELEASED, name, "is " + from.wire() + ": only a rolling or released version can be halted");
        yield new Target(ReleaseState.HALTED, percent);
      }
      case RESUME -> {
        require(from == ReleaseState.HALTED, name, "is " + from.wire() + ", not halted");
        yield new Target(percent < 100 ? ReleaseState.ROLLING : ReleaseState.RELEASED, percent);
      }
      case COMPLETE -> {
        require(from.live(), name, "is " + from.wire() + ": release it first");
        yield new Target(ReleaseState.RELEASED, 100);
      }
      case ROLLBACK -> {
        require(from.live(), name, "is " + from.wire() + ": only a released version can be rolled back");
        yield new Target(ReleaseState.DISABLED, percent);
      }
    };
  }

  private static void require(boolean ok, String name, String why) {
    if (!ok) {
      throw ApiException.rule("version " + name + " " + why);
    }
  }

  /** Where an action leads. */
  record Target(ReleaseState state, int rollout) {}
}

package dev.beacon.api.content;

import dev.beacon.api.core.ApiException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An integer field with a fixed set of values (a doc's type, an SDK's authority ...): anything
 * else is a 4000 that lists what each allowed value means.
 */
public record IntChoice(String field, Map<Integer, String> meanings) {
  public IntChoice {
    meanings = new TreeMap<>(meanings);
  }

  public static IntChoice of(String field, Map<Integer, String> meanings) {
    return new IntChoice(field, meanings);
  }

  /** The value if allowed, else a 4000 naming the field and the allowed values. */
  public int check(int value) {
    if (!meanings.containsKey(value)) {
      throw ApiException.badParameter(field + " must be " + allowed() + ", got " + value);
    }
    return value;
  }

  /** {@link #check} for an optional value; {@code null} stays {@code null}. */
  public Integer checkOptional(Integer value) {
    return value == null ? null : check(value);
  }

  private String allowed() {
    return meanings.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }
}

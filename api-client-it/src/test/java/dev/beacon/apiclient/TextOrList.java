package dev.beacon.apiclient;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * openapi.yaml's {@code TextOrList}: a text or a list of texts (a version's deviceIds and
 * platforms, a log's context). The generator's own class for such an {@code anyOf} does not
 * compile, so the build maps the schema to this one.
 */
public final class TextOrList {
  private final Object value;

  private TextOrList(Object value) {
    this.value = value;
  }

  public static TextOrList text(String text) {
    return new TextOrList(text);
  }

  public static TextOrList list(List<String> texts) {
    return new TextOrList(List.copyOf(texts));
  }

  @JsonCreator
  static TextOrList fromJson(Object json) {
    return new TextOrList(json);
  }

  @JsonValue
  public Object value() {
    return value;
  }

  /** The generated models call it for query strings; these fields only travel in JSON bodies. */
  public String toUrlQueryString(String prefix) {
    return "";
  }
}

package dev.beacon.api.content;

/** Small text conventions of the content answers and requests. */
public final class Text {
  private Text() {}

  /** The seed answers absent optional strings as {@code ""}. */
  public static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** {@code null} for an absent or blank value, else the value as it is. */
  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The value trimmed; {@code null} stays {@code null}. */
  public static String trim(String s) {
    return s == null ? null : s.trim();
  }
}

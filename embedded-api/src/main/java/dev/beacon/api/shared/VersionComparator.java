package dev.beacon.api.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders version names as dotted numbers: {@code 1.10.0 > 1.9.2}, missing parts are 0
 * ({@code 1.2 == 1.2.0}), a pre-release tag sorts before its release ({@code 1.2.0-beta < 1.2.0}),
 * tags compare run by run with numbers by value ({@code beta.2 < beta11 < rc1}, and
 * {@code rc1 == RC.1}). A leading {@code v} and {@code +build} metadata are ignored. Any text is
 * accepted: a name without leading numbers counts as 0 with that text as its tag, so junk sorts
 * low and never throws. {@code null} is the empty name.
 */
public final class VersionComparator implements Comparator<String> {
  public static final VersionComparator INSTANCE = new VersionComparator();

  private static final Pattern RELEASE = Pattern.compile("^(\\d+(?:\\.\\d+)*)");
  /** A tag is read as runs of digits and runs of other text; dots, dashes, underscores and spaces only separate. */
  private static final Pattern TAG_RUN = Pattern.compile("\\d+|[^\\d.\\-_\\s]+");

  private VersionComparator() {}

  @Override
  public int compare(String a, String b) {
    Parsed x = parse(a);
    Parsed y = parse(b);
    int c = compareNumbers(x.release, y.release);
    if (c != 0) {
      return c;
    }
    if (x.tag.isEmpty() || y.tag.isEmpty()) {
      // the release without a tag is newer than any of its pre-releases
      return Boolean.compare(x.tag.isEmpty(), y.tag.isEmpty());
    }
    return compareTags(x.tag, y.tag);
  }

  /** Whether {@code a} is a newer version than {@code b}. */
  public boolean newer(String a, String b) {
    return compare(a, b) > 0;
  }

  private record Parsed(List<String> release, List<String> tag) {}

  private static Parsed parse(String name) {
    String s = name == null ? "" : name.trim();
    int plus = s.indexOf('+');
    if (plus >= 0) {
      s = s.substring(0, plus);
    }
    if (s.length() > 1 && (s.charAt(0) == 'v' || s.charAt(0) == 'V') && isDigit(s.charAt(1))) {
      s = s.substring(1);
    }
    List<String> release = new ArrayList<>();
    Matcher m = RELEASE.matcher(s);
    String rest = s;
    if (m.find()) {
      for (String part : m.group(1).split("\\.")) {
        release.add(part);
      }
      rest = s.substring(m.end());
    }
    List<String> tag = new ArrayList<>();
    Matcher runs = TAG_RUN.matcher(rest.toLowerCase(Locale.ROOT));
    while (runs.find()) {
      tag.add(runs.group());
    }
    return new Parsed(release, tag);
  }

  /** Dotted numbers part by part, a missing part counting as 0. */
  private static int compareNumbers(List<String> a, List<String> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      int c = compareDigits(i < a.size() ? a.get(i) : "0", i < b.size() ? b.get(i) : "0");
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * Tags run by run: runs of digits by value and before words, words by text, a shorter tag
   * first when it is the start of the other.
   */
  private static int compareTags(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean numX = isDigit(x.charAt(0));
      boolean numY = isDigit(y.charAt(0));
      int c = numX && numY ? compareDigits(x, y) : numX != numY ? (numX ? -1 : 1) : x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** Two digit strings by numeric value, of any length. */
  private static int compareDigits(String a, String b) {
    String x = stripZeros(a);
    String y = stripZeros(b);
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  /** An ASCII digit, as {@code \d} matches in the patterns. */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String stripZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }
}

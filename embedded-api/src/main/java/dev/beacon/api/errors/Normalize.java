package dev.beacon.api.errors;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text rules of error grouping: what is taken out of messages and frame names so that the same
 * bug on another version or machine reads the same. Each rule is a pattern and its replacement,
 * applied in order.
 */
final class Normalize {
  /** The longest normalised message that takes part in a fingerprint. */
  static final int MAX_MESSAGE = 1000;

  /**
   * A pattern and its replacement; {@code hint}, when not {@code null}, is text that every match
   * contains, so that a string without it is passed over without running the pattern (most frame
   * names have none of the generated parts).
   */
  private record Rule(Pattern pattern, String replacement, String hint) {
    String apply(String s) {
      if (hint != null && !s.contains(hint)) {
        return s;
      }
      return pattern.matcher(s).replaceAll(replacement);
    }
  }

  private static Rule rule(String regex, String replacement) {
    return rule(regex, replacement, null);
  }

  private static Rule rule(String regex, String replacement, String hint) {
    return new Rule(Pattern.compile(regex), Matcher.quoteReplacement(replacement), hint);
  }

  private static Rule group(String regex, String replacementWithGroups, String hint) {
    return new Rule(Pattern.compile(regex), replacementWithGroups, hint);
  }

  /** Memory addresses, ids and numbers in a message. */
  private static final List<Rule> MESSAGE = List.of(
      rule("0x[0-9a-fA-F]+", "0x_", "0x"),
      rule("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b", "<uuid>"),
      rule("\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b", "<hex>"),
      rule("\\d+", "<n>"),
      rule("\\s+", " "));

  /** Generated and numbered names in Java and .NET frames; line numbers are already gone. */
  private static final List<Rule> SYMBOL = List.of(
      // Java lambdas: Foo$$Lambda$123/0x0000000800c03000 (JDK 8-17), Foo$$Lambda/0x00007f3c8c0a1b40 (JDK 21)
      rule("\\$\\$Lambda(?:\\$\\d+)?/0x[0-9a-fA-F]+", "$$Lambda", "$$Lambda"),
      // other hidden classes
      rule("/0x[0-9a-fA-F]+", "", "/0x"),
      // class loader and module prefixes: app//, java.base/, java.base@17.0.2/, jdk.proxy2/
      rule("^.*/", "", "/"),
      // dynamic proxies and reflection accessors: jdk.proxy2.$Proxy31, com.sun.proxy.$Proxy12
      rule("\\$Proxy\\d+", "$Proxy", "$Proxy"),
      rule("jdk\\.proxy\\d+", "jdk.proxy", "jdk.proxy"),
      group("(Generated(?:Method|Constructor|SerializationConstructor)Accessor)\\d+", "$1", "Accessor"),
      // byte-code generated subclasses: $$EnhancerBySpringCGLIB$$8c1b5f3d, $HibernateProxy$Ab12Cd
      group("\\$\\$([A-Za-z]+)\\$\\$[0-9a-fA-F]+", "\\$\\$$1", "$$"),
      group("\\$(ByteBuddy|HibernateProxy|MockitoMock)\\$\\w+", "\\$$1", "$"),
      // anonymous classes Foo$1 and javac's lambda bodies lambda$main$0
      rule("\\$\\d+", "$", "$"),
      // C# compiler names: <>c__DisplayClass4_0, <Main>b__0_0, <PushAsync>d__12, lambda_method37
      rule("DisplayClass\\d+(?:_\\d+)*", "DisplayClass", "DisplayClass"),
      rule("__\\d+(?:_\\d+)*", "__", "__"),
      rule("lambda_method\\d+", "lambda_method", "lambda_method"));

  private Normalize() {}

  /** A message (or an error type) without the parts that vary between occurrences of one bug. */
  static String message(String text) {
    if (text == null) {
      return "";
    }
    String s = text;
    for (Rule r : MESSAGE) {
      s = r.apply(s);
    }
    s = s.trim();
    return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) : s;
  }

  /** A Java or .NET frame's qualified method name without generated and numbered parts. */
  static String symbol(String qualifiedName) {
    String s = qualifiedName.trim();
    for (Rule r : SYMBOL) {
      s = r.apply(s);
    }
    return s;
  }
}

package dev.beacon.api.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written text scans of the ingest path read as the patterns and streams they replaced. */
class FastTextTest {
  @Test
  void typesAreQualifiedWithDottedModulesOnly() {
    Pattern dotted = Pattern.compile("[A-Za-z_][\\w$]*(\\.[A-Za-z_][\\w$]*)+");
    for (String module : List.of("java.lang", "a.b", "_x.y$z.w9", "java", "java.", ".lang", "java..lang", "9a.b", "a.9b",
        "a.$b", "a$.b_", "com.acme-app.x", "é.b", "a.b ", "")) {
      // qualified() strips the module first
      String expected = dotted.matcher(module.strip()).matches() ? module.strip() + ".Oops" : "Oops";
      assertEquals(expected, EventIntake.qualified(new StructuredEvent.Exception("Oops", module, null, List.of())), module);
    }
  }

  @Test
  void firstLineIsTheFirstWithContentTrimmed() {
    for (String text : List.of("", "one", "  \\n\\r\\n  two  \\nthree", "\\r\\r x\\ry", " \\t\\u0001 a\\u0000 \\n", "\\n\\n",
        "x\\u2028y", "  lead")) {
      String expected = text.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("");
      assertEquals(expected, Fingerprint.firstLine(text), text);
    }
  }
}

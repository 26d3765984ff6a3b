package dev.beacon.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The server's package borders. {@code core} is the kernel and knows no feature; {@code shared}
 * holds what several features compute alike and knows none either; each feature imports
 * {@code core}, {@code shared} and only the features listed for it here; {@code cli} (the
 * launchers' options) imports {@code core} only. The composition root ({@code dev.beacon.api}
 * itself: {@code Main}, {@code Beacon}) may import everything.
 */
class BoundariesTest {
  private static final String ROOT = "dev.beacon.api";

  /** Each feature and the other features it may import. A new border crossing is added here, on purpose. */
  static final Map<String, Set<String>> MAY_IMPORT = new TreeMap<>(Map.ofEntries(
      Map.entry("auth", Set.of()),
      Map.entry("apps", Set.of("auth")),
      Map.entry("files", Set.of("auth")),
      Map.entry("releases", Set.of("apps", "auth", "files", "telemetry")),
      Map.entry("modules", Set.of("apps", "auth", "files", "releases")),
      Map.entry("telemetry", Set.of("apps", "auth")),
      Map.entry("errors", Set.of("apps", "auth")),
      Map.entry("backup", Set.of()),
      Map.entry("content", Set.of("auth")),
      Map.entry("feeds", Set.of("apps", "auth", "files", "releases", "telemetry")),
      Map.entry("sentry", Set.of("apps", "auth", "errors", "telemetry")),
      Map.entry("alerts", Set.of("apps", "auth", "errors", "releases")),
      Map.entry("health", Set.of("apps", "auth", "errors", "modules", "releases", "sentry", "telemetry"))));

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  private static String[] packagesOf(Iterable<String> features) {
    List<String> out = new ArrayList<>();
    features.forEach(f -> out.add(ROOT + "." + f + ".."));
    return out.toArray(String[]::new);
  }

  @Test
  void coreImportsNoFeature() {
    noClasses().that().resideInAPackage(ROOT + ".core..")
        .should().dependOnClassesThat().resideInAnyPackage(packagesOf(MAY_IMPORT.keySet()))
        .because("core is the kernel every feature builds on")
        .check(classes);
  }

  @Test
  void sharedImportsNoFeatureAndNoServer() {
    List<String> forbidden = new ArrayList<>(MAY_IMPORT.keySet());
    forbidden.add("core");
    noClasses().that().resideInAPackage(ROOT + ".shared..")
        .should().dependOnClassesThat().resideInAnyPackage(packagesOf(forbidden))
        .because("shared holds plain computations that any feature may use")
        .check(classes);
  }

  @Test
  void cliImportsNoFeature() {
    noClasses().that().resideInAPackage(ROOT + ".cli..")
        .should().dependOnClassesThat().resideInAnyPackage(packagesOf(MAY_IMPORT.keySet()))
        .because("the command line describes options; features are wired by the composition root")
        .check(classes);
  }

  @Test
  void featuresFormNoCycle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
        .because("a feature that another builds on cannot build on it in turn")
        .check(classes);
  }

  @TestFactory
  Stream<DynamicTest> eachFeatureImportsOnlyWhatItIsAllowed() {
    return MAY_IMPORT.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      List<String> others = new ArrayList<>(MAY_IMPORT.keySet());
      others.remove(e.getKey());
      others.removeAll(e.getValue());
      ArchRule rule = noClasses().that().resideInAPackage(ROOT + "." + e.getKey() + "..")
          .should().dependOnClassesThat().resideInAnyPackage(packagesOf(others))
          .because(e.getKey() + " may import only core, shared and " + e.getValue());
      rule.check(classes);
    }));
  }

  @Test
  void everyFeaturePackageIsListed() {
    // a new feature package must be given its borders here
    Set<String> known = new java.util.HashSet<>(MAY_IMPORT.keySet());
    known.addAll(Set.of("core", "shared", "cli"));
    classes.stream()
        .map(c -> c.getPackageName())
        .filter(p -> p.startsWith(ROOT + "."))
        .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
        .filter(top -> !known.contains(top))
        .findAny()
        .ifPresent(top -> { throw new AssertionError("package " + ROOT + "." + top + " has no borders in BoundariesTest"); });
  }
}

package dev.beacon.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The console's package borders: it reaches the server only over HTTP, through {@code client/};
 * only {@code shell/} (which hosts the embedded server) touches {@code embedded-api}; only
 * {@code client/} reads JSON; screens know {@code client/} and {@code ui/}, not each other.
 */
class BoundariesTest {
  private static final String ROOT = "dev.beacon.desktop";
  /** One package per screen of the navigation bar (the server screen also shows the shell's server state). */
  private static final List<String> SCREENS = List.of("apps", "releases", "overview", "errors", "content", "docs", "alerts", "health");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void onlyTheShellTouchesTheServerCode() {
    noClasses().that().resideInAPackage(ROOT + "..").and().resideOutsideOfPackage(ROOT + ".shell..")
        .should().dependOnClassesThat().resideInAPackage("dev.beacon.api..")
        .because("the console reaches the server over HTTP; shell/ only starts the embedded one")
        .check(classes);
  }

  @Test
  void onlyTheClientReadsJson() {
    noClasses().that().resideInAPackage(ROOT + "..").and().resideOutsideOfPackage(ROOT + ".client..")
        .should().dependOnClassesThat().resideInAPackage("io.vertx..")
        .because("answers become records in client/; models and views work on those")
        .check(classes);
  }

  @Test
  void clientAndUiKnowNoScreen() {
    String[] above = Stream.concat(SCREENS.stream(), Stream.of("shell", "server", "signin"))
        .map(p -> ROOT + "." + p + "..").toArray(String[]::new);
    noClasses().that().resideInAnyPackage(ROOT + ".client..", ROOT + ".ui..")
        .should().dependOnClassesThat().resideInAnyPackage(above)
        .check(classes);
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
        .because("each package builds on the ones below it (shell/ hosts the server, server/ shows it)")
        .check(classes);
  }

  @TestFactory
  Stream<DynamicTest> screensDoNotReachIntoEachOther() {
    return SCREENS.stream().map(screen -> DynamicTest.dynamicTest(screen, () -> {
      String[] others = Stream.concat(SCREENS.stream().filter(s -> !s.equals(screen)), Stream.of("shell", "server", "signin"))
          .map(p -> ROOT + "." + p + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage(ROOT + "." + screen + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .because("a screen talks to the server through client/ and shares widgets through ui/")
          .check(classes);
    }));
  }
}

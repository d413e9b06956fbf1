package io.github.msghandler.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Each package of the main code can be read on its own terms: no package cycles, and the values and exceptions
 * ({@code core.api}) depend on nothing else of ours, so every other package builds on them.
 */
class PackageCyclesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.msghandler");

    @Test
    void thePackagesOfTheMainCodeFormNoCycle() {
        slices().matching("io.github.msghandler.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theValuesAndExceptionsDependOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("io.github.msghandler.core.api")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.github.msghandler.core.api", "java..",
                        "com.fasterxml.jackson..", "io.nats..")
                .check(MAIN);
    }
}

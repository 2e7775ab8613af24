package org.jpledger.training;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the completion core hold: {@code rest} maps to use cases in {@code service}, which work on
 * {@code domain}; nothing reaches upward and no two core packages need each other. The xAPI LRS ({@code xapi..}) is
 * a product of its own with its own boundary test, and is left out here.
 */
class ArchitectureTest {

    private static final String CORE = "org.jpledger.training.";

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(new WithoutLrs())
                .importPackages("org.jpledger.training");
    }

    @Test
    void useCasesDoNotSpeakTheRestDialect() {
        noClasses().that().resideInAPackage(CORE + "service..")
                .should().dependOnClassesThat().resideInAPackage(CORE + "rest..")
                .check(core);
    }

    @Test
    void theDomainImportsNothingAboveIt() {
        noClasses().that().resideInAPackage(CORE + "domain..")
                .should().dependOnClassesThat().resideInAnyPackage(CORE + "service..", CORE + "rest..",
                        CORE + "outbox..", CORE + "config..", CORE + "xapi..")
                .check(core);
    }

    @Test
    void theOutboxDoesNotReachTheApi() {
        noClasses().that().resideInAPackage(CORE + "outbox..")
                .should().dependOnClassesThat().resideInAPackage(CORE + "rest..")
                .check(core);
    }

    @Test
    void theCorePackagesHaveNoCycles() {
        slices().matching("org.jpledger.training.(*)..").should().beFreeOfCycles().check(core);
    }

    /** Leaves out the LRS, whose tree {@code XapiBoundaryTest} checks (nothing here may import it). */
    static final class WithoutLrs implements ImportOption {

        private static final Pattern LRS = Pattern.compile(
                ".*/org/jpledger/training/xapi/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(LRS);
        }
    }
}

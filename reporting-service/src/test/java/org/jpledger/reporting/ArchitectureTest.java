package org.jpledger.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of reporting-service, checked over its compiled main classes: rest sits on service, service on the
 * answer records (api) and the projections, and the projections import nothing above them; no two packages depend on
 * each other. Plain JUnit tests (not ArchUnit's own engine), so {@code -Dtest} and every profile run them.
 */
class ArchitectureTest {

    private static final String ROOT = "org.jpledger.reporting.";

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.jpledger.reporting");
    }

    @Test
    void servicesDoNotSpeakRest() {
        noClasses().that().resideInAPackage(ROOT + "service..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + "rest..")
                .because("use cases take and return their own records; resources map them").check(main);
    }

    @Test
    void answersStandBelowServicesAndRest() {
        noClasses().that().resideInAPackage(ROOT + "api..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "rest..", ROOT + "service..").check(main);
    }

    @Test
    void projectionsImportNothingAboveThem() {
        noClasses().that().resideInAPackage(ROOT + "projection..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "consumer..", ROOT + "parking..",
                        ROOT + "rebuild..", ROOT + "rest..", ROOT + "service..", ROOT + "export..", ROOT + "api..")
                .because("the projections are the domain: everything else builds on them").check(main);
    }

    @Test
    void theConsumerDoesNotReachTheApi() {
        noClasses().that().resideInAnyPackage(ROOT + "consumer..", ROOT + "parking..", ROOT + "rebuild..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "rest..", ROOT + "api..").check(main);
    }

    @Test
    void noPackagesDependOnEachOther() {
        slices().matching(ROOT + "(**)").should().beFreeOfCycles().check(main);
    }
}

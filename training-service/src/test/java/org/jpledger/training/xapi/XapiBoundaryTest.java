package org.jpledger.training.xapi;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jpledger.training.domain.RecognitionRuleBook;
import org.jpledger.training.domain.RecognitionRules;
import org.jpledger.training.evidence.service.CertificateIntake;
import org.jpledger.training.service.Actor;
import org.jpledger.training.service.CompletionCommands;
import org.jpledger.training.service.CompletionSnapshot;
import org.jpledger.training.service.IngestWorkers;
import org.jpledger.training.service.NewCompletion;
import org.jpledger.training.service.Upserted;
import org.junit.jupiter.api.Test;

/**
 * The LRS is a room of its own: nothing else in the service reaches into it, it reaches the completion core only
 * through {@link CompletionCommands} and the types of its signatures (the records it takes and returns, the actor, and
 * the recognition rule book ruleBook answers), the bulk-intake bound it shares with batches and the certificate intake
 * its certificate attachments go to, and inside it rest sits
 * on the statement use case, which sits on the entities and the pure statement rules (which need nothing above them).
 */
class XapiBoundaryTest {

    private static final String XAPI = "org.jpledger.training.xapi..";
    // Entities, repositories and the entity's own index and filter; arrays of them ([L...;) belong with them.
    private static final String ENTITIES = "(\\[+L)?org\\.jpledger\\.training\\.xapi\\.store\\."
            + "(XapiStatement|XapiStatementRepository|XapiAttachment|XapiAttachmentRepository|XapiDocument"
            + "|XapiDocumentRepository|XapiActivity|XapiActivityRepository|StatementIndex"
            + "|StatementFilter)(\\$.*)?;?";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jpledger.training");

    @Test
    void nothingOutsideTheLrsDependsOnIt() {
        noClasses().that().resideOutsideOfPackage(XAPI)
                .should().dependOnClassesThat().resideInAPackage(XAPI)
                .check(MAIN);
    }

    @Test
    void theLrsReachesTheCompletionCoreOnlyThroughCompletionCommands() {
        noClasses().that().resideInAPackage(XAPI)
                .should().dependOnClassesThat(resideInAPackage("org.jpledger.training..")
                        .and(not(resideInAPackage(XAPI)))
                        .and(not(belongToAnyOf(CompletionCommands.class, NewCompletion.class, Actor.class,
                                Upserted.class, CompletionSnapshot.class, RecognitionRules.class, RecognitionRuleBook.class,
                                // Statements wait in the same bulk-intake bound as batches and CSV imports.
                                IngestWorkers.class,
                                // Certificate attachments become the completion's certificate files.
                                CertificateIntake.class))))
                .as("LRS classes use the completion core only through CompletionCommands and its records")
                .check(MAIN);
    }

    @Test
    void insideTheLrsRestSitsOnTheUseCaseWhichSitsOnEntitiesAndRules() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Rest").definedBy("org.jpledger.training.xapi.rest..")
                .layer("UseCase").definedBy(resideInAPackage("org.jpledger.training.xapi.store..")
                        .and(not(nameMatching(ENTITIES))))
                .layer("Entities").definedBy(nameMatching(ENTITIES))
                .layer("Rules").definedBy("org.jpledger.training.xapi.rules..")
                .layer("Auth").definedBy("org.jpledger.training.xapi.auth..")
                .layer("Config").definedBy("org.jpledger.training.xapi.config..")
                .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("Auth").mayNotBeAccessedByAnyLayer()
                .whereLayer("UseCase").mayOnlyBeAccessedByLayers("Rest")
                .whereLayer("Entities").mayOnlyBeAccessedByLayers("Rest", "UseCase")
                .whereLayer("Entities").mayOnlyAccessLayers("Rules")
                .whereLayer("Rules").mayNotAccessAnyLayer()
                .whereLayer("Config").mayNotAccessAnyLayer()
                .check(MAIN);
    }
}

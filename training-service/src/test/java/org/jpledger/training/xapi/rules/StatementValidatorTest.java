package org.jpledger.training.xapi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jpledger.training.xapi.rules.XapiJson.object;
import static org.jpledger.training.xapi.rules.XapiJson.parse;
import static org.jpledger.training.xapi.rules.XapiJson.with;
import static org.jpledger.training.xapi.rules.XapiJson.without;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.assertj.core.api.ListAssert;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** StatementValidator: well-formed xAPI 2.0 / 1.0.3 statements pass, and each refusal names its field path. */
class StatementValidatorTest {

    private static final String MINIMAL = """
            {
              "actor": {"mbox": "mailto:siti@example.id"},
              "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
              "object": {"id": "https://lms.example.id/courses/1"}
            }""";

    /** A statement using most of the data model, valid in 2.0; tests change one thing in it. */
    private static final ObjectNode VALID = object("""
            {
              "id": "6f1b1c52-3b0f-4c1e-9d0a-6a3a0d7e2f10",
              "actor": {"objectType": "Agent", "name": "Siti Rahma",
                        "account": {"homePage": "https://siasn.bkn.go.id", "name": "198503122010012003"}},
              "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}},
              "object": {"objectType": "Activity", "id": "https://lms.example.id/courses/analisis-kebijakan",
                         "definition": {"name": {"id-ID": "Pelatihan Analisis Kebijakan"},
                                        "type": "http://adlnet.gov/expapi/activities/course"}},
              "result": {"completion": true, "success": true, "duration": "PT1H30M",
                         "score": {"scaled": 0.85, "raw": 85, "min": 0, "max": 100},
                         "extensions": {"https://jpledger.id/xapi/extensions/jp": 24}},
              "context": {"registration": "0b8f6a4e-2c1d-4e5f-8a9b-0c1d2e3f4a5b",
                          "platform": "LMS BPSDMD", "language": "id-ID",
                          "contextActivities": {"parent": [{"id": "https://lms.example.id/programs/latsar"}]},
                          "extensions": {"https://jpledger.id/xapi/extensions/kind": 3}},
              "timestamp": "2026-03-05T20:00:00.000+07:00",
              "version": "2.0.0"
            }""");

    private static final String AGENT = """
            {"objectType": "Agent", "mbox": "mailto:budi@example.id"}""";

    private static final String ATTACHMENT = """
            {"usageType": "http://id.tincanapi.com/attachment/certificate-of-completion",
             "display": {"en-US": "Certificate"}, "contentType": "application/pdf", "length": 48213,
             "sha2": "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634",
             "fileUrl": "https://lms.example.id/certificates/1.pdf"}""";

    /** The refusals of {@code statement} as a single statement; empty when it is well-formed. */
    private static List<FieldError> errors(JsonNode statement) {
        return errors(statement, "");
    }

    private static List<FieldError> errors(JsonNode statement, String path) {
        try {
            StatementValidator.check(statement, path);
            return List.of();
        } catch (InvalidRequestException e) {
            return e.errors();
        }
    }

    /** The fields named by the refusals of {@code statement}. */
    private static ListAssert<String> refusedFields(JsonNode statement) {
        return assertThat(errors(statement).stream().map(FieldError::field).toList());
    }

    @Test
    void minimalStatementPasses() {
        assertThat(errors(parse(MINIMAL))).isEmpty();
    }

    @Test
    void statementUsingMostOfTheDataModelPasses() {
        assertThat(errors(VALID)).isEmpty();
    }

    @Test
    void rejectsUnknownTopLevelProperty() {
        assertThat(errors(with(VALID, "/score", "1"), "[0]"))
                .containsExactly(new FieldError("[0].score", "is not a property here"));
        assertThat(errors(with(VALID, "/score", "1"))).singleElement()
                .satisfies(e -> assertThat(e.field()).endsWith("score"))
                .satisfies(e -> assertThat(e.reason()).isEqualTo("is not a property here"));
    }

    @Test
    void singleStatementNamesEveryFieldFromTheSameRoot() {
        refusedFields(with(VALID, "/score", "1")).containsExactly("score");
        refusedFields(with(VALID, "/actor/name", "\"Siti\\u0000\"")).containsExactly("actor.name");
    }

    @Test
    void rejectsStatementWithoutActorVerbOrObject() {
        for (String property : List.of("actor", "verb", "object")) {
            assertThat(errors(without(VALID, "/" + property)))
                    .containsExactly(new FieldError(property, "is required"));
        }
    }

    @Test
    void rejectsAgentWithoutIdentifier() {
        assertThat(errors(with(VALID, "/actor", """
                {"objectType": "Agent", "name": "Siti Rahma"}""")))
                .containsExactly(new FieldError("actor", "must have one of mbox, mbox_sha1sum, openid, account"));
    }

    @Test
    void rejectsAgentWithTwoIdentifiers() {
        assertThat(errors(with(VALID, "/actor", """
                {"mbox": "mailto:siti@example.id", "openid": "https://id.example.id/siti"}""")))
                .containsExactly(new FieldError("actor",
                        "must have exactly one of mbox, mbox_sha1sum, openid, account"));
    }

    @Test
    void rejectsMboxThatIsNotAMailtoIri() {
        refusedFields(with(VALID, "/actor", """
                {"mbox": "siti@example.id"}""")).containsExactly("actor.mbox");
        refusedFields(with(VALID, "/actor", """
                {"mbox": "mailto:siti"}""")).containsExactly("actor.mbox");
    }

    @Test
    void rejectsMboxSha1sumThatIsNotHex() {
        refusedFields(with(VALID, "/actor", """
                {"mbox_sha1sum": "not-a-sha1"}""")).containsExactly("actor.mbox_sha1sum");
        assertThat(errors(with(VALID, "/actor", """
                {"mbox_sha1sum": "EBD31E95054C018B10727CCFFD2EF2EC3A016EE9"}"""))).isEmpty();
    }

    @Test
    void rejectsAccountWithoutHomePage() {
        assertThat(errors(with(VALID, "/actor/account", """
                {"name": "198503122010012003"}""")))
                .containsExactly(new FieldError("actor.account.homePage", "is required"));
    }

    @Test
    void rejectsAccountWithEmptyNameOrUnknownProperty() {
        refusedFields(with(VALID, "/actor/account/name", "\"\"")).containsExactly("actor.account.name");
        refusedFields(with(VALID, "/actor/account/id", "\"7\"")).containsExactly("actor.account.id");
    }

    @Test
    void rejectsAnonymousGroupWithoutMembers() {
        assertThat(errors(with(VALID, "/actor", """
                {"objectType": "Group", "name": "Tim Latsar"}""")))
                .containsExactly(new FieldError("actor.member", "an anonymous group must list its members"));
        assertThat(errors(with(VALID, "/actor", """
                {"objectType": "Group", "member": []}""")))
                .containsExactly(new FieldError("actor.member", "must be a non-empty array of agents"));
    }

    @Test
    void acceptsIdentifiedGroupWithoutMembers() {
        assertThat(errors(with(VALID, "/actor", """
                {"objectType": "Group", "account": {"homePage": "https://lms.example.id", "name": "kelas-7"}}""")))
                .isEmpty();
    }

    @Test
    void rejectsGroupMemberThatIsAGroup() {
        assertThat(errors(with(VALID, "/actor", """
                {"objectType": "Group", "member": [
                  {"mbox": "mailto:siti@example.id"},
                  {"objectType": "Group", "member": [{"mbox": "mailto:budi@example.id"}]}]}""")))
                .containsExactly(new FieldError("actor.member[1].objectType", "a group's members must be agents"));
    }

    @Test
    void namesTheMemberWhoseIdentifierIsBroken() {
        refusedFields(with(VALID, "/actor", """
                {"objectType": "Group", "member": [
                  {"mbox": "mailto:siti@example.id"}, {"mbox": "budi@example.id"}]}"""))
                .containsExactly("actor.member[1].mbox");
    }

    @Test
    void rejectsGroupMemberWhoseObjectTypeIsNotAgent() {
        refusedFields(with(VALID, "/actor", """
                {"objectType": "Group", "member": [{"objectType": "Activity", "mbox": "mailto:siti@example.id"}]}"""))
                .containsExactly("actor.member[0].objectType");
    }

    @Test
    void rejectsActorOfAnotherObjectType() {
        assertThat(errors(with(VALID, "/actor/objectType", "\"Person\"")))
                .containsExactly(new FieldError("actor.objectType", "must be Agent or Group"));
    }

    @Test
    void rejectsVerbIdThatIsNotAnIri() {
        assertThat(errors(with(VALID, "/verb/id", "\"completed\"")))
                .containsExactly(new FieldError("verb.id", "must be an absolute IRI"));
    }

    @Test
    void rejectsLanguageMapWithBadTag() {
        assertThat(errors(with(VALID, "/verb/display", """
                {"en_US": "completed"}""")))
                .containsExactly(new FieldError("verb.display.en_US", "must be an RFC 5646 language tag"));
        refusedFields(with(VALID, "/object/definition/name", """
                {"id-ID": 7}""")).containsExactly("object.definition.name.id-ID");
        refusedFields(with(VALID, "/object/definition/name", "\"Pelatihan\""))
                .containsExactly("object.definition.name");
    }

    @Test
    void rejectsIdThatIsNotAUuid() {
        assertThat(errors(with(VALID, "/id", "\"statement-1\"")))
                .containsExactly(new FieldError("id", "must be a UUID"));
        refusedFields(with(VALID, "/id", "\"6f1b1c523b0f4c1e9d0a6a3a0d7e2f10\"")).containsExactly("id");
        refusedFields(with(VALID, "/context/registration", "\"42\"")).containsExactly("context.registration");
    }

    @Test
    void rejectsTimestampWithoutTimeZone() {
        assertThat(errors(with(VALID, "/timestamp", "\"2026-03-05T20:00:00\"")))
                .containsExactly(new FieldError("timestamp", "must be an ISO 8601 timestamp with a time zone"));
    }

    @Test
    void rejectsTimestampWithUnknownOffset() {
        refusedFields(with(VALID, "/timestamp", "\"2026-03-05T20:00:00-00:00\"")).containsExactly("timestamp");
        refusedFields(with(VALID, "/stored", "\"2026-03-05T20:00:00.000-00:00\"")).containsExactly("stored");
    }

    @Test
    void rejectsScaledScoreOutsideMinusOneToOne() {
        assertThat(errors(with(VALID, "/result/score", """
                {"scaled": 1.5}""")))
                .containsExactly(new FieldError("result.score.scaled", "must be between -1 and 1"));
        assertThat(errors(with(VALID, "/result/score", """
                {"scaled": -1}"""))).isEmpty();
    }

    @Test
    void rejectsRawScoreOutsideMinAndMax() {
        assertThat(errors(with(VALID, "/result/score", """
                {"raw": 120, "min": 0, "max": 100}""")))
                .containsExactly(new FieldError("result.score.raw", "must be between min and max"));
        refusedFields(with(VALID, "/result/score", """
                {"raw": -1, "min": 0}""")).containsExactly("result.score.raw");
        refusedFields(with(VALID, "/result/score", """
                {"min": 10, "max": 10}""")).containsExactly("result.score.max");
        refusedFields(with(VALID, "/result/score", """
                {"raw": "85"}""")).containsExactly("result.score.raw");
    }

    @Test
    void acceptsAnAuthorityThatIsAnAgentOrAnAnonymousPairOfAgents() {
        assertThat(errors(with(VALID, "/authority", AGENT))).isEmpty();
        assertThat(errors(with(VALID, "/authority", """
                {"objectType": "Group", "member": [
                  {"account": {"homePage": "https://lms.example.id/oauth/token", "name": "lms-app"}},
                  {"mbox": "mailto:operator@example.id"}]}"""))).isEmpty();
    }

    @Test
    void rejectsAnAuthorityThatIsAnIdentifiedGroup() {
        assertThat(errors(with(VALID, "/authority", """
                {"objectType": "Group", "mbox": "mailto:kelas@example.id",
                 "member": [{"mbox": "mailto:a@example.id"}, {"mbox": "mailto:b@example.id"}]}""")))
                .containsExactly(new FieldError("authority", "an authority that is a Group must be anonymous (no mbox, "
                        + "mbox_sha1sum, openid or account)"));
        refusedFields(with(VALID, "/authority", """
                {"objectType": "Group", "openid": "http://openid.example.org/12345"}""")).containsExactly("authority");
    }

    @Test
    void rejectsAnAuthorityGroupOfOtherThanTwoAgents() {
        refusedFields(with(VALID, "/authority", """
                {"objectType": "Group", "member": [{"mbox": "mailto:a@example.id"}]}"""))
                .containsExactly("authority.member");
        refusedFields(with(VALID, "/authority", """
                {"objectType": "Group", "member": [{"mbox": "mailto:a@example.id"}, {"mbox": "mailto:b@example.id"},
                                                   {"mbox": "mailto:c@example.id"}]}"""))
                .containsExactly("authority.member");
        refusedFields(with(VALID, "/authority", """
                {"objectType": "Group", "member": []}""")).containsExactly("authority.member");
    }

    @Test
    void rejectsADurationMixingWeeksWithOtherUnits() {
        assertThat(errors(with(VALID, "/result/duration", "\"P4W\""))).isEmpty();
        refusedFields(with(VALID, "/result/duration", "\"P4W1D\"")).containsExactly("result.duration");
        refusedFields(with(VALID, "/result/duration", "\"P1Y2W\"")).containsExactly("result.duration");
        refusedFields(with(VALID, "/result/duration", "\"P2WT1H\"")).containsExactly("result.duration");
    }

    @Test
    void rejectsDurationThatIsNotIso8601() {
        assertThat(errors(with(VALID, "/result/duration", "\"1h30m\"")))
                .containsExactly(new FieldError("result.duration", "must be an ISO 8601 duration such as PT1H30M"));
        refusedFields(with(VALID, "/result/duration", "\"PT\"")).containsExactly("result.duration");
        refusedFields(with(VALID, "/result/duration", "90")).containsExactly("result.duration");
    }

    @Test
    void rejectsExtensionKeyThatIsNotAnIri() {
        assertThat(errors(with(VALID, "/result/extensions", """
                {"jp": 24}""")))
                .containsExactly(new FieldError("result.extensions.jp", "extension keys must be IRIs"));
        refusedFields(with(VALID, "/context/extensions", "[]")).containsExactly("context.extensions");
    }

    @Test
    void voidingStatementMustTargetAStatementRef() {
        assertThat(errors(with(VALID, "/verb/id", "\"http://adlnet.gov/expapi/verbs/voided\"")))
                .containsExactly(new FieldError("object", "a voiding statement's object must be a StatementRef"));
    }

    @Test
    void voidingStatementWithStatementRefPasses() {
        ObjectNode voiding = without(VALID, "/context");
        voiding = with(voiding, "/verb", """
                {"id": "http://adlnet.gov/expapi/verbs/voided", "display": {"en-US": "voided"}}""");
        voiding = with(voiding, "/object", """
                {"objectType": "StatementRef", "id": "e05aa883-acaa-4b9c-a59b-2e44b1d3f5a0"}""");
        assertThat(errors(voiding)).isEmpty();
        refusedFields(with(voiding, "/object/id", "\"e05aa883\"")).containsExactly("object.id");
    }

    @Test
    void subStatementPasses() {
        assertThat(errors(with(without(VALID, "/context"), "/object", """
                {"objectType": "SubStatement", "actor": %s,
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                 "object": {"id": "https://lms.example.id/courses/1"},
                 "timestamp": "2026-03-01T08:00:00Z"}""".formatted(AGENT)))).isEmpty();
    }

    @Test
    void subStatementCannotContainASubStatement() {
        assertThat(errors(with(without(VALID, "/context"), "/object", """
                {"objectType": "SubStatement", "actor": %1$s,
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                 "object": {"objectType": "SubStatement", "actor": %1$s,
                            "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                            "object": {"id": "https://lms.example.id/courses/1"}}}""".formatted(AGENT))))
                .containsExactly(new FieldError("object.object.objectType",
                        "a SubStatement cannot contain a SubStatement"));
    }

    @Test
    void subStatementCannotHaveAnId() {
        assertThat(errors(with(without(VALID, "/context"), "/object", """
                {"objectType": "SubStatement", "id": "e05aa883-acaa-4b9c-a59b-2e44b1d3f5a0", "actor": %s,
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                 "object": {"id": "https://lms.example.id/courses/1"}}""".formatted(AGENT))))
                .containsExactly(new FieldError("object.id", "is not a property here"));
    }

    @Test
    void subStatementBodyIsCheckedUnderItsPath() {
        refusedFields(with(without(VALID, "/context"), "/object", """
                {"objectType": "SubStatement", "actor": {"mbox": "budi@example.id"},
                 "object": {"id": "https://lms.example.id/courses/1"}}"""))
                .containsExactlyInAnyOrder("object.actor.mbox", "object.verb");
    }

    @Test
    void contextRevisionRequiresAnActivityObject() {
        ObjectNode aboutAnAgent = with(with(VALID, "/object", AGENT), "/context", """
                {"revision": "2", "platform": "LMS BPSDMD"}""");
        assertThat(errors(aboutAnAgent)).containsExactlyInAnyOrder(
                new FieldError("context.revision", "only allowed when the object is an Activity"),
                new FieldError("context.platform", "only allowed when the object is an Activity"));
        assertThat(errors(with(VALID, "/context/revision", "\"2\""))).isEmpty();
    }

    @Test
    void contextActivitiesMustBeActivities() {
        refusedFields(with(VALID, "/context/contextActivities", """
                {"parent": [{"id": "https://lms.example.id/programs/latsar"}, %s]}""".formatted(AGENT)))
                .containsExactly("context.contextActivities.parent[1].objectType");
        refusedFields(with(VALID, "/context/contextActivities", """
                {"ancestor": [{"id": "https://lms.example.id/programs/latsar"}]}"""))
                .containsExactly("context.contextActivities.ancestor");
    }

    @Test
    void acceptsContextActivityGivenAsASingleObjectAs103ClientsMaySend() {
        assertThat(errors(with(VALID, "/context/contextActivities", """
                {"grouping": {"id": "https://lms.example.id/programs/latsar"}}"""))).isEmpty();
    }

    @Test
    void contextTeamMustBeAGroup() {
        assertThat(errors(with(VALID, "/context/team", AGENT)))
                .containsExactly(new FieldError("context.team.objectType", "the team must be a Group"));
    }

    @Test
    void contextStatementMustBeAStatementRef() {
        refusedFields(with(VALID, "/context/statement", """
                {"id": "e05aa883-acaa-4b9c-a59b-2e44b1d3f5a0"}""")).containsExactly("context.statement.objectType");
        assertThat(errors(with(VALID, "/context/statement", """
                {"objectType": "StatementRef", "id": "e05aa883-acaa-4b9c-a59b-2e44b1d3f5a0"}"""))).isEmpty();
    }

    @Test
    void validContextAgentsAndGroupsPass() {
        assertThat(errors(with(with(VALID, "/context/contextAgents", """
                [{"objectType": "contextAgent", "agent": %s,
                  "relevantTypes": ["https://jpledger.id/xapi/roles/assessor"]},
                 {"objectType": "contextAgent", "agent": {"mbox": "mailto:rina@example.id"}}]""".formatted(AGENT)),
                "/context/contextGroups", """
                [{"objectType": "contextGroup",
                  "group": {"objectType": "Group", "member": [{"mbox": "mailto:budi@example.id"}]},
                  "relevantTypes": ["https://jpledger.id/xapi/roles/class"]}]"""))).isEmpty();
    }

    @Test
    void malformedContextAgentFails() {
        assertThat(errors(with(VALID, "/context/contextAgents", """
                [{"objectType": "contextGroup", "agent": {"mbox": "budi@example.id"}, "relevantTypes": []},
                 {"objectType": "contextAgent", "relevantTypes": ["assessor"]}]""")))
                .containsExactlyInAnyOrder(
                        new FieldError("context.contextAgents[0].objectType", "must be contextAgent"),
                        new FieldError("context.contextAgents[0].agent.mbox", "must be a mailto: IRI"),
                        new FieldError("context.contextAgents[0].relevantTypes", "must be a non-empty array of IRIs"),
                        new FieldError("context.contextAgents[1].agent", "is required"),
                        new FieldError("context.contextAgents[1].relevantTypes[0]", "must be an absolute IRI"));
        refusedFields(with(VALID, "/context/contextAgents", AGENT)).containsExactly("context.contextAgents");
    }

    @Test
    void contextAgentThatIsAGroupIsRefused() {
        refusedFields(with(VALID, "/context/contextAgents", """
                [{"objectType": "contextAgent",
                  "agent": {"objectType": "Group", "mbox": "mailto:kelas@example.id"}}]"""))
                .containsExactly("context.contextAgents[0].agent.objectType");
    }

    @Test
    void contextGroupWithoutGroupObjectTypeIsRefused() {
        refusedFields(with(VALID, "/context/contextGroups", """
                [{"objectType": "contextGroup", "group": {"member": [{"mbox": "mailto:budi@example.id"}]}}]"""))
                .containsExactly("context.contextGroups[0].group.objectType");
    }

    @Test
    void attachmentMayLeaveOutItsFileWhoseUrlMustBeAnIri() {
        assertThat(errors(with(VALID, "/attachments", "[" + ATTACHMENT + "]"))).isEmpty();
        assertThat(errors(with(VALID, "/attachments", "[" + without(parse(ATTACHMENT), "/fileUrl") + "]"))).isEmpty();
        refusedFields(with(VALID, "/attachments", "[" + with(parse(ATTACHMENT), "/fileUrl", "\"sertifikat.pdf\"") + "]"))
                .containsExactly("attachments[0].fileUrl");
        refusedFields(with(VALID, "/attachments", "[" + with(parse(ATTACHMENT), "/length", "-1") + "]"))
                .containsExactly("attachments[0].length");
    }

    @Test
    void rejectsNullPropertyValue() {
        assertThat(errors(with(VALID, "/result/success", "null")))
                .containsExactly(new FieldError("result.success", "must not be null; leave it out instead"));
        assertThat(errors(with(VALID, "/actor", "null"))).containsExactly(new FieldError("actor", "is required"));
    }

    @Test
    void rejectsTextTheDatabaseCannotHold() {
        assertThat(errors(with(VALID, "/actor/name", "\"Siti\\u0000Rahma\""), "[0]")).containsExactly(
                new FieldError("[0].actor.name", "must not contain NUL characters or unpaired surrogates"));
        assertThat(errors(with(VALID, "/result/response", "\"\\ud800\""), "[0]")).containsExactly(
                new FieldError("[0].result.response", "must not contain NUL characters or unpaired surrogates"));
        assertThat(errors(with(VALID, "/result/response", "\"\\ud83d\\ude00\""))).isEmpty();
    }

    @Test
    void batchPathPrefixesEveryField() {
        ObjectNode broken = with(without(VALID, "/verb"), "/actor/mbox", "\"mailto:siti@example.id\"");
        assertThat(errors(broken, "[2]")).extracting(FieldError::field)
                .containsExactlyInAnyOrder("[2].actor", "[2].verb");
        assertThat(errors(parse("[]"), "[2]")).containsExactly(new FieldError("[2]", "must be an object"));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        ObjectNode broken = with(with(VALID, "/id", "\"x\""), "/verb/id", "\"completed\"");
        refusedFields(with(broken, "/result/duration", "\"soon\""))
                .containsExactlyInAnyOrder("id", "verb.id", "result.duration");
    }

    @Test
    void acceptsVersion1And2Only() {
        assertThat(errors(with(VALID, "/version", "\"1.0.3\""))).isEmpty();
        assertThat(errors(with(VALID, "/version", "\"3.0.0\"")))
                .containsExactly(new FieldError("version", "must be a 1.0.x or 2.0.x version"));
    }

    @Test
    void rejectsInteractionPropertiesWithoutInteractionType() {
        assertThat(errors(with(VALID, "/object/definition/choices", """
                [{"id": "a", "description": {"en-US": "A"}}]""")))
                .containsExactly(new FieldError("object.definition.interactionType",
                        "required with interaction properties"));
    }

    @Test
    void checksAnActorOnItsOwn() {
        assertThatCode(() -> StatementValidator.checkActor(parse(AGENT), "agent")).doesNotThrowAnyException();
        assertThatThrownBy(() -> StatementValidator.checkActor(parse("""
                {"mbox": "budi@example.id"}"""), "agent"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("agent.mbox", "must be a mailto: IRI")));
    }
}

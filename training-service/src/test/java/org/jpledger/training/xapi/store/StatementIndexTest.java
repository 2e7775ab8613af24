package org.jpledger.training.xapi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.training.xapi.rules.XapiJson.object;
import static org.jpledger.training.xapi.rules.XapiJson.parse;
import static org.jpledger.training.xapi.rules.XapiJson.with;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** StatementIndex: the verb, registration, agents, activities and voided statement the statement filters look at. */
class StatementIndexTest {

    private static final String SITI = "mbox:mailto:siti@example.id";
    private static final String BUDI = "mbox:mailto:budi@example.id";
    private static final String COURSE = "https://lms.example.id/courses/analisis-kebijakan";

    private static final ObjectNode STATEMENT = object("""
            {
              "id": "6f1b1c52-3b0f-4c1e-9d0a-6a3a0d7e2f10",
              "actor": {"mbox": "mailto:siti@example.id", "name": "Siti Rahma"},
              "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
              "object": {"id": "https://lms.example.id/courses/analisis-kebijakan"},
              "timestamp": "2026-03-05T20:00:00Z"
            }""");

    /** STATEMENT with a context naming an instructor, a team, context agents and groups, and context activities. */
    private static final ObjectNode WITH_CONTEXT = with(STATEMENT, "/context", """
            {"registration": "0b8f6a4e-2c1d-4e5f-8a9b-0c1d2e3f4a5b",
             "instructor": {"mbox": "mailto:budi@example.id"},
             "team": {"objectType": "Group", "account": {"homePage": "https://lms.example.id", "name": "kelas-7"}},
             "contextAgents": [{"objectType": "contextAgent", "agent": {"openid": "https://id.example.id/rina"}}],
             "contextGroups": [{"objectType": "contextGroup",
                                "group": {"objectType": "Group", "member": [{"mbox": "mailto:dewi@example.id"}]}}],
             "contextActivities": {"parent": [{"id": "https://lms.example.id/programs/latsar"}],
                                   "grouping": {"id": "https://lms.example.id/years/2026"}}}""");

    @Test
    void indexesVerbActorAndActivity() {
        StatementIndex index = StatementIndex.of(STATEMENT);
        assertThat(index.verbs()).containsExactly("http://adlnet.gov/expapi/verbs/completed");
        assertThat(index.agents()).containsExactly(SITI);
        assertThat(index.relatedAgents()).containsExactly(SITI);
        assertThat(index.activities()).containsExactly(COURSE);
        assertThat(index.relatedActivities()).containsExactly(COURSE);
        assertThat(index.registrations()).isEmpty();
        assertThat(index.refers()).isNull();
        assertThat(index.voids()).isNull();
    }

    @Test
    void agentAsObjectIsAnAgentOfTheStatement() {
        StatementIndex index = StatementIndex.of(with(STATEMENT, "/object", """
                {"objectType": "Agent", "mbox": "mailto:budi@example.id"}"""));
        assertThat(index.agents()).containsExactly(SITI, BUDI);
        assertThat(index.activities()).isEmpty();
        assertThat(index.relatedActivities()).isEmpty();
    }

    @Test
    void groupActorCountsItselfAndItsMembers() {
        StatementIndex identified = StatementIndex.of(with(STATEMENT, "/actor", """
                {"objectType": "Group", "account": {"homePage": "https://lms.example.id", "name": "kelas-7"},
                 "member": [{"mbox": "mailto:siti@example.id"}, {"mbox": "mailto:budi@example.id"}]}"""));
        assertThat(identified.agents()).containsExactly("account:https://lms.example.id|kelas-7", SITI, BUDI);

        StatementIndex anonymous = StatementIndex.of(with(STATEMENT, "/actor", """
                {"objectType": "Group", "member": [{"mbox": "mailto:siti@example.id"}]}"""));
        assertThat(anonymous.agents()).containsExactly(SITI);
    }

    @Test
    void contextAgentsAndActivitiesAreRelatedOnly() {
        StatementIndex index = StatementIndex.of(WITH_CONTEXT);
        assertThat(index.agents()).containsExactly(SITI);
        assertThat(index.relatedAgents()).containsExactly(SITI, BUDI, "account:https://lms.example.id|kelas-7",
                "openid:https://id.example.id/rina", "mbox:mailto:dewi@example.id");
        assertThat(index.activities()).containsExactly(COURSE);
        assertThat(index.relatedActivities()).containsExactly(COURSE, "https://lms.example.id/programs/latsar",
                "https://lms.example.id/years/2026");
        assertThat(index.registrations()).containsExactly("0b8f6a4e-2c1d-4e5f-8a9b-0c1d2e3f4a5b");
    }

    @Test
    void authorityIsARelatedAgent() {
        StatementIndex index = StatementIndex.of(with(STATEMENT, "/authority", """
                {"objectType": "Agent", "account": {"homePage": "urn:jpledger:integrating-system", "name": "lms"}}"""));
        assertThat(index.agents()).containsExactly(SITI);
        assertThat(index.relatedAgents()).containsExactly(SITI, "account:urn:jpledger:integrating-system|lms");
    }

    @Test
    void subStatementAgentsAndActivitiesAreRelated() {
        StatementIndex index = StatementIndex.of(with(STATEMENT, "/object", """
                {"objectType": "SubStatement",
                 "actor": {"mbox": "mailto:budi@example.id"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                 "object": {"id": "https://lms.example.id/courses/1"},
                 "context": {"instructor": {"mbox": "mailto:dewi@example.id"},
                             "contextActivities": {"category": [{"id": "https://jpledger.id/xapi/profile"}]}}}"""));
        assertThat(index.agents()).containsExactly(SITI);
        assertThat(index.activities()).isEmpty();
        assertThat(index.relatedAgents()).containsExactlyInAnyOrder(SITI, BUDI, "mbox:mailto:dewi@example.id");
        assertThat(index.relatedActivities()).containsExactlyInAnyOrder("https://lms.example.id/courses/1",
                "https://jpledger.id/xapi/profile");
    }

    @Test
    void subStatementAboutAnAgentRelatesThatAgent() {
        StatementIndex index = StatementIndex.of(with(STATEMENT, "/object", """
                {"objectType": "SubStatement", "actor": {"mbox": "mailto:siti@example.id"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/mentored"},
                 "object": {"objectType": "Agent", "mbox": "mailto:budi@example.id"}}"""));
        assertThat(index.relatedAgents()).containsExactly(SITI, BUDI);
        assertThat(index.agents()).containsExactly(SITI);
    }

    @Test
    void voidingStatementNamesTheStatementItVoids() {
        ObjectNode voiding = with(with(STATEMENT, "/verb/id", "\"http://adlnet.gov/expapi/verbs/voided\""),
                "/object", """
                {"objectType": "StatementRef", "id": "e05aa883-acaa-4b9c-a59b-2e44b1d3f5a0"}""");
        StatementIndex index = StatementIndex.of(voiding);
        assertThat(index.voids()).isEqualTo(UUID.fromString("e05aa883-acaa-4b9c-a59b-2e44b1d3f5a0"));
        assertThat(index.activities()).isEmpty();
        assertThat(index.agents()).containsExactly(SITI);
    }

    @Test
    void statementRefWithAnotherVerbVoidsNothing() {
        StatementIndex index = StatementIndex.of(with(STATEMENT, "/object", """
                {"objectType": "StatementRef", "id": "e05aa883-acaa-4b9c-a59b-2e44b1d3f5a0"}"""));
        assertThat(index.voids()).isNull();
    }

    @Test
    void aStatementReferringToAnotherAnswersToItsTargetsValuesToo() {
        StatementIndex voiding = StatementIndex.of(parse("""
                {"actor": {"mbox": "mailto:admin@example.id"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                 "object": {"objectType": "StatementRef", "id": "0B8F6A4E-2C1D-4E5F-8A9B-0C1D2E3F4A5B"}}"""));

        StatementIndex joined = voiding.withTarget(StatementIndex.of(STATEMENT));

        assertThat(voiding.refers()).isEqualTo(UUID.fromString("0b8f6a4e-2c1d-4e5f-8a9b-0c1d2e3f4a5b"));
        assertThat(voiding.voids()).isEqualTo(voiding.refers());
        assertThat(joined.verbs()).containsExactly("http://adlnet.gov/expapi/verbs/voided",
                "http://adlnet.gov/expapi/verbs/completed");
        assertThat(joined.agents()).containsExactly("mbox:mailto:admin@example.id", SITI);
        assertThat(joined.activities()).containsExactly(COURSE);
        assertThat(joined.voids()).isEqualTo(voiding.voids());
    }
}

package org.jpledger.training.xapi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.training.xapi.rules.XapiJson.object;
import static org.jpledger.training.xapi.rules.XapiJson.parse;
import static org.jpledger.training.xapi.rules.XapiJson.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StatementFormat: the exact, ids and canonical formats of a returned statement, and Accept-Language preferences. */
class StatementFormatTest {

    private static final ObjectNode STATEMENT = object("""
            {
              "id": "6f1b1c52-3b0f-4c1e-9d0a-6a3a0d7e2f10",
              "actor": {"objectType": "Agent", "name": "Siti Rahma", "mbox": "mailto:siti@example.id"},
              "verb": {"id": "http://adlnet.gov/expapi/verbs/completed",
                       "display": {"en-US": "completed", "id-ID": "menyelesaikan"}},
              "object": {"objectType": "Activity", "id": "https://lms.example.id/courses/1",
                         "definition": {"name": {"en-US": "Basic Training", "id-ID": "Latihan Dasar"},
                                        "description": {"en-GB": "Civil servant basic training"},
                                        "interactionType": "choice",
                                        "choices": [{"id": "a", "description": {"en-US": "Yes", "id-ID": "Ya"}}],
                                        "extensions": {"https://lms.example.id/ext/names":
                                                         {"en-US": "x", "id-ID": "y"}}}},
              "result": {"completion": true},
              "context": {"instructor": {"name": "Budi",
                                         "account": {"homePage": "https://lms.example.id", "name": "budi"}},
                          "team": {"objectType": "Group", "name": "Kelas 7",
                                   "member": [{"name": "Siti", "mbox": "mailto:siti@example.id"}]},
                          "contextActivities": {"parent": [{"id": "https://lms.example.id/programs/latsar",
                                                            "definition": {"name": {"en-US": "Latsar"}}}]},
                          "contextAgents": [{"objectType": "contextAgent",
                                             "agent": {"name": "Rina", "openid": "https://id.example.id/rina"}}]},
              "timestamp": "2026-03-05T20:00:00.000Z"
            }""");

    private static JsonNode ids(JsonNode statement) {
        return StatementFormat.IDS.apply(statement, List.of());
    }

    private static JsonNode canonical(String... languages) {
        return StatementFormat.CANONICAL.apply(STATEMENT, List.of(languages));
    }

    @Test
    void namesTheFormatsAsTheSpecificationSpellsThem() {
        assertThat(StatementFormat.named("exact")).isEqualTo(StatementFormat.EXACT);
        assertThat(StatementFormat.named("ids")).isEqualTo(StatementFormat.IDS);
        assertThat(StatementFormat.named("canonical")).isEqualTo(StatementFormat.CANONICAL);
        assertThat(StatementFormat.named("IDS")).isNull();
        assertThat(StatementFormat.named("full")).isNull();
    }

    @Test
    void exactReturnsTheStatementAsStored() {
        assertThat(StatementFormat.EXACT.apply(STATEMENT, List.of("en"))).isEqualTo(STATEMENT);
    }

    @Test
    void idsReducesAgentsToTheirIdentifier() {
        JsonNode reduced = ids(STATEMENT);
        assertThat(reduced.get("actor")).isEqualTo(parse("""
                {"objectType": "Agent", "mbox": "mailto:siti@example.id"}"""));
        assertThat(reduced.at("/context/instructor")).isEqualTo(parse("""
                {"account": {"homePage": "https://lms.example.id", "name": "budi"}}"""));
        assertThat(reduced.at("/context/contextAgents/0/agent")).isEqualTo(parse("""
                {"openid": "https://id.example.id/rina"}"""));
    }

    @Test
    void idsKeepsTheMembersOfAnAnonymousGroupOnlyByTheirIdentifier() {
        assertThat(ids(STATEMENT).at("/context/team")).isEqualTo(parse("""
                {"objectType": "Group", "member": [{"mbox": "mailto:siti@example.id"}]}"""));
    }

    @Test
    void idsDropsTheMembersOfAnIdentifiedGroup() {
        JsonNode reduced = ids(with(STATEMENT, "/actor", """
                {"objectType": "Group", "name": "Kelas 7", "mbox": "mailto:kelas7@example.id",
                 "member": [{"mbox": "mailto:siti@example.id"}]}"""));
        assertThat(reduced.get("actor")).isEqualTo(parse("""
                {"objectType": "Group", "mbox": "mailto:kelas7@example.id"}"""));
    }

    @Test
    void idsReducesVerbsAndActivitiesToTheirIds() {
        JsonNode reduced = ids(STATEMENT);
        assertThat(reduced.get("verb")).isEqualTo(parse("""
                {"id": "http://adlnet.gov/expapi/verbs/completed"}"""));
        assertThat(reduced.get("object")).isEqualTo(parse("""
                {"id": "https://lms.example.id/courses/1"}"""));
        assertThat(reduced.at("/context/contextActivities/parent/0")).isEqualTo(parse("""
                {"id": "https://lms.example.id/programs/latsar"}"""));
        assertThat(reduced.get("result")).isEqualTo(STATEMENT.get("result"));
        assertThat(reduced.get("timestamp")).isEqualTo(STATEMENT.get("timestamp"));
    }

    @Test
    void idsReducesTheInsideOfASubStatement() {
        JsonNode reduced = ids(with(STATEMENT, "/object", """
                {"objectType": "SubStatement", "actor": {"name": "Budi", "mbox": "mailto:budi@example.id"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attended", "display": {"en-US": "attended"}},
                 "object": {"objectType": "Activity", "id": "https://lms.example.id/courses/1",
                            "definition": {"name": {"en-US": "x"}}}}"""));
        assertThat(reduced.get("object")).isEqualTo(parse("""
                {"objectType": "SubStatement", "actor": {"mbox": "mailto:budi@example.id"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                 "object": {"id": "https://lms.example.id/courses/1"}}"""));
    }

    @Test
    void idsReducesTheContextOfASubStatement() {
        JsonNode reduced = ids(with(STATEMENT, "/object", """
                {"objectType": "SubStatement", "actor": {"mbox": "mailto:budi@example.id"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                 "object": {"id": "https://lms.example.id/courses/1"},
                 "context": {"instructor": {"name": "Dewi", "mbox": "mailto:dewi@example.id"}}}"""));
        assertThat(reduced.at("/object/context/instructor")).isEqualTo(parse("""
                {"mbox": "mailto:dewi@example.id"}"""));
    }

    @Test
    void formattingLeavesTheStoredStatementAsItWas() {
        ObjectNode before = STATEMENT.deepCopy();
        ids(STATEMENT);
        canonical("id-ID");
        assertThat(STATEMENT).isEqualTo(before);
    }

    @Test
    void canonicalKeepsThePreferredLanguageInEachMap() {
        JsonNode result = canonical("id-ID", "en-US");
        assertThat(result.at("/verb/display")).isEqualTo(parse("""
                {"id-ID": "menyelesaikan"}"""));
        assertThat(result.at("/object/definition/name")).isEqualTo(parse("""
                {"id-ID": "Latihan Dasar"}"""));
        assertThat(result.at("/object/definition/choices/0/description")).isEqualTo(parse("""
                {"id-ID": "Ya"}"""));
    }

    @Test
    void canonicalMatchesByPrimaryLanguageWhenNoTagMatchesExactly() {
        JsonNode result = canonical("id", "en");
        assertThat(result.at("/object/definition/name")).isEqualTo(parse("""
                {"id-ID": "Latihan Dasar"}"""));
        assertThat(canonical("EN-us").at("/verb/display")).isEqualTo(parse("""
                {"en-US": "completed"}"""));
    }

    @Test
    void canonicalFallsBackToTheFirstLanguageWhenNoneIsWanted() {
        assertThat(canonical("fr").at("/object/definition/name")).isEqualTo(parse("""
                {"en-US": "Basic Training"}"""));
        assertThat(canonical().at("/verb/display")).isEqualTo(parse("""
                {"en-US": "completed"}"""));
    }

    @Test
    void canonicalLeavesExtensionsAgentsAndSingleLanguageMapsAlone() {
        JsonNode result = canonical("id-ID");
        assertThat(result.at("/object/definition/extensions")).isEqualTo(STATEMENT.at("/object/definition/extensions"));
        assertThat(result.at("/object/definition/description")).isEqualTo(parse("""
                {"en-GB": "Civil servant basic training"}"""));
        assertThat(result.get("actor")).isEqualTo(STATEMENT.get("actor"));
        assertThat(result.at("/context/team")).isEqualTo(STATEMENT.at("/context/team"));
    }

    @Test
    void languagesAreOrderedByWeightThenByPosition() {
        assertThat(StatementFormat.languages("en-US,en;q=0.8,id-ID;q=0.9,id"))
                .containsExactly("en-US", "id", "id-ID", "en");
        assertThat(StatementFormat.languages(" id-ID ; q=0.5 , en-GB ")).containsExactly("en-GB", "id-ID");
    }

    @Test
    void languagesLeaveOutWildcardZeroWeightAndUnreadableWeight() {
        assertThat(StatementFormat.languages("fr;q=0, *, de;q=abc, id")).containsExactly("id");
    }

    @Test
    void noAcceptLanguageMeansNoPreference() {
        assertThat(StatementFormat.languages(null)).isEmpty();
        assertThat(StatementFormat.languages("  ")).isEmpty();
    }
}

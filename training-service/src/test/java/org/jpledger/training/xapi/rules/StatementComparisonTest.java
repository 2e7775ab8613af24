package org.jpledger.training.xapi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.training.xapi.rules.XapiJson.object;
import static org.jpledger.training.xapi.rules.XapiJson.with;
import static org.jpledger.training.xapi.rules.XapiJson.without;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** StatementComparison: when a statement sent again matches the stored one (xAPI 2.3.1 comparison requirements). */
class StatementComparisonTest {

    /** A statement as the client sent it. */
    private static final ObjectNode SENT = object("""
            {
              "id": "6f1b1c52-3b0f-4c1e-9d0a-6a3a0d7e2f10",
              "actor": {"objectType": "Group", "name": "Kelas 7",
                        "member": [{"mbox": "mailto:siti@example.id"}, {"mbox": "mailto:budi@example.id"}]},
              "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}},
              "object": {"id": "https://lms.example.id/courses/1", "definition": {"name": {"id-ID": "Latsar"}}},
              "result": {"completion": true, "score": {"raw": 85}, "duration": "PT1H30M"},
              "timestamp": "2026-03-06T03:00:00+07:00"
            }""");

    /** SENT as the store keeps it: timestamp in UTC with millis, stored, authority and version set. */
    private static final ObjectNode STORED = with(with(with(with(SENT,
            "/timestamp", "\"2026-03-05T20:00:00.000Z\""),
            "/stored", "\"2026-03-05T20:01:02.345Z\""),
            "/authority", """
            {"objectType": "Agent", "account": {"homePage": "urn:jpledger:integrating-system", "name": "lms"}}"""),
            "/version", "\"2.0.0\"");

    @Test
    void statementAsStoredIsEquivalentToWhatWasSent() {
        assertThat(StatementComparison.equivalent(STORED, SENT)).isTrue();
    }

    @Test
    void sameStatementWithOtherTimestampPrecisionIsEquivalent() {
        assertThat(StatementComparison.equivalent(STORED, with(SENT, "/timestamp", "\"2026-03-05T20:00:00Z\"")))
                .isTrue();
        assertThat(StatementComparison.equivalent(STORED,
                with(SENT, "/timestamp", "\"2026-03-05T20:00:00.000000+00:00\""))).isTrue();
    }

    @Test
    void otherTimestampIsAnotherStatement() {
        assertThat(StatementComparison.equivalent(STORED, with(SENT, "/timestamp", "\"2026-03-05T20:00:00.001Z\"")))
                .isFalse();
    }

    @Test
    void timestampTheStoreSetIsIgnoredWhenTheClientSendsNone() {
        assertThat(StatementComparison.equivalent(STORED, without(SENT, "/timestamp"))).isTrue();
    }

    @Test
    void timestampSentAgainstAStatementStoredWithoutOneIsAnotherStatement() {
        assertThat(StatementComparison.equivalent(without(STORED, "/timestamp"), SENT)).isFalse();
    }

    @Test
    void idStoredAuthorityAndVersionAreIgnored() {
        ObjectNode resent = with(with(with(SENT, "/id", "\"e05aa883-acaa-4b9c-a59b-2e44b1d3f5a0\""),
                "/version", "\"1.0.3\""), "/authority", """
                {"mbox": "mailto:admin@example.id"}""");
        assertThat(StatementComparison.equivalent(STORED, resent)).isTrue();
    }

    @Test
    void numbersAreComparedByValue() {
        assertThat(StatementComparison.equivalent(STORED, with(SENT, "/result/score/raw", "85.0"))).isTrue();
        assertThat(StatementComparison.equivalent(STORED, with(SENT, "/result/score/raw", "85.5"))).isFalse();
    }

    @Test
    void propertyOrderDoesNotMatter() {
        ObjectNode reordered = object("""
                {"timestamp": "2026-03-05T20:00:00Z",
                 "result": {"duration": "PT1H30M", "score": {"raw": 85}, "completion": true},
                 "object": {"definition": {"name": {"id-ID": "Latsar"}}, "id": "https://lms.example.id/courses/1"},
                 "verb": {"display": {"en-US": "completed"}, "id": "http://adlnet.gov/expapi/verbs/completed"},
                 "actor": {"member": [{"mbox": "mailto:siti@example.id"}, {"mbox": "mailto:budi@example.id"}],
                           "name": "Kelas 7", "objectType": "Group"}}""");
        assertThat(StatementComparison.equivalent(STORED, reordered)).isTrue();
    }

    @Test
    void otherContentIsAnotherStatement() {
        assertThat(StatementComparison.equivalent(STORED, with(SENT, "/result/completion", "false"))).isFalse();
        assertThat(StatementComparison.equivalent(STORED,
                with(SENT, "/object/id", "\"https://lms.example.id/courses/2\""))).isFalse();
        assertThat(StatementComparison.equivalent(STORED, with(SENT, "/context", """
                {"platform": "LMS"}"""))).isFalse();
    }

    @Test
    void durationIsComparedAsText() {
        assertThat(StatementComparison.equivalent(STORED, with(SENT, "/result/duration", "\"PT90M\""))).isFalse();
    }

    @Test
    void groupMembersInAnotherOrderAreEquivalent() {
        assertThat(StatementComparison.equivalent(STORED, with(SENT, "/actor/member", """
                [{"mbox": "mailto:budi@example.id"}, {"mbox": "mailto:siti@example.id"}]"""))).isTrue();
    }

    @Test
    void otherVerbDisplayIsEquivalent() {
        assertThat(StatementComparison.equivalent(STORED, with(SENT, "/verb/display", """
                {"id-ID": "menyelesaikan"}"""))).isTrue();
    }

    @Test
    void otherActivityDefinitionIsEquivalent() {
        assertThat(StatementComparison.equivalent(STORED, with(SENT, "/object/definition/name", """
                {"id-ID": "Latihan Dasar"}"""))).isTrue();
    }

    @Test
    void subStatementTimestampWithOtherSerialisationIsEquivalent() {
        String sub = """
                {"objectType": "SubStatement", "actor": {"mbox": "mailto:siti@example.id"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                 "object": {"id": "https://lms.example.id/courses/1"}, "timestamp": "%s"}""";
        assertThat(StatementComparison.equivalent(
                with(STORED, "/object", sub.formatted("2026-03-01T08:00:00.000Z")),
                with(SENT, "/object", sub.formatted("2026-03-01T15:00:00+07:00")))).isTrue();
    }

    @Test
    void attachmentsAndTheCaseOfCaseInsensitiveValuesAreIgnored() {
        ObjectNode sent = with(with(SENT, "/context", "{\"registration\": \"0b8f6a4e-2c1d-4e5f-8a9b-0c1d2e3f4a5b\"}"),
                "/actor", "{\"mbox\": \"mailto:Siti@Example.ID\"}");
        ObjectNode stored = with(with(with(STORED, "/context", "{\"registration\": \"0B8F6A4E-2C1D-4E5F-8A9B-0C1D2E3F4A5B\"}"),
                "/actor", "{\"mbox\": \"mailto:Siti@example.id\"}"), "/attachments", """
                [{"usageType": "http://id.tincanapi.com/attachment/certificate", "display": {"en-US": "Certificate"},
                  "contentType": "application/pdf", "length": 10, "sha2": "abc", "fileUrl": "https://lms.example.id/c.pdf"}]""");

        assertThat(StatementComparison.equivalent(stored, sent)).isTrue();
        assertThat(StatementComparison.equivalent(stored, with(sent, "/actor", "{\"mbox\": \"mailto:siti@example.id\"}")))
                .as("the local part of an e-mail keeps its case").isFalse();
    }

    @Test
    void aSingleContextActivityIsEquivalentToAnArrayOfIt() {
        ObjectNode single = with(SENT, "/context", """
                {"contextActivities": {"parent": {"id": "https://lms.example.id/programs/latsar"}}}""");
        ObjectNode array = with(STORED, "/context", """
                {"contextActivities": {"parent": [{"id": "https://lms.example.id/programs/latsar"}]}}""");

        assertThat(StatementComparison.equivalent(array, single)).isTrue();
    }

    @Test
    void durationsAreComparedToTheHundredthOfASecond() {
        ObjectNode stored = with(STORED, "/result/duration", "\"P1DT12H36M0.12S\"");

        assertThat(StatementComparison.equivalent(stored, with(SENT, "/result/duration", "\"P1DT12H36M0.1237S\"")))
                .isTrue();
        assertThat(StatementComparison.equivalent(stored, with(SENT, "/result/duration", "\"P1DT12H36M0.13S\"")))
                .isFalse();
    }
}

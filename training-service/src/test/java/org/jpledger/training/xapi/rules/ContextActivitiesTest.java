package org.jpledger.training.xapi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.training.xapi.rules.XapiJson.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** ContextActivities: every context activity list becomes an array, in a statement and in its sub-statement. */
class ContextActivitiesTest {

    @Test
    void wrapsEachSingleActivityOfTheStatementAndItsSubStatementInAnArray() {
        ObjectNode statement = object("""
                {"actor": {"mbox": "mailto:a@example.id"}, "verb": {"id": "http://example.id/v"},
                 "object": {"objectType": "SubStatement", "actor": {"mbox": "mailto:b@example.id"},
                            "verb": {"id": "http://example.id/v"}, "object": {"id": "http://example.id/o"},
                            "context": {"contextActivities": {"other": {"id": "http://example.id/other"}}}},
                 "context": {"contextActivities": {"parent": {"id": "http://example.id/parent"},
                                                   "grouping": {"id": "http://example.id/grouping"},
                                                   "category": {"id": "http://example.id/category"}}}}""");

        ContextActivities.asArrays(statement);

        assertThat(statement.at("/context/contextActivities/parent").isArray()).isTrue();
        assertThat(statement.at("/context/contextActivities/parent/0/id").asText()).isEqualTo("http://example.id/parent");
        assertThat(statement.at("/context/contextActivities/grouping/0/id").asText())
                .isEqualTo("http://example.id/grouping");
        assertThat(statement.at("/context/contextActivities/category/0/id").asText())
                .isEqualTo("http://example.id/category");
        assertThat(statement.at("/object/context/contextActivities/other/0/id").asText())
                .isEqualTo("http://example.id/other");
    }

    @Test
    void leavesArraysAndStatementsWithoutContextAsTheyAre() {
        ObjectNode withArrays = object("""
                {"context": {"contextActivities": {"parent": [{"id": "http://example.id/p1"},
                                                              {"id": "http://example.id/p2"}]}}}""");
        ObjectNode withoutContext = object("""
                {"object": {"id": "http://example.id/o"}}""");
        ObjectNode arraysBefore = withArrays.deepCopy();
        ObjectNode withoutBefore = withoutContext.deepCopy();

        ContextActivities.asArrays(withArrays);
        ContextActivities.asArrays(withoutContext);

        assertThat(withArrays).isEqualTo(arraysBefore);
        assertThat(withoutContext).isEqualTo(withoutBefore);
    }
}

package org.jpledger.training.xapi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jpledger.training.xapi.rules.XapiJson.object;
import static org.jpledger.training.xapi.rules.XapiJson.parse;

import java.util.List;
import org.jpledger.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** Activity definitions: which a statement carries, and how a newer one updates the one kept. */
class ActivityDefinitionsTest {

    private static final long ANY_SIZE = Long.MAX_VALUE;

    @Test
    void carriesTheObjectThenContextActivitiesThenTheSubStatementsActivities() {
        List<ActivityDefinitions.Carried> carried = ActivityDefinitions.carried(parse("""
                {"actor": {"mbox": "mailto:siti@example.id"}, "verb": {"id": "http://example.id/v"},
                 "object": {"objectType": "SubStatement", "actor": {"mbox": "mailto:siti@example.id"},
                  "verb": {"id": "http://example.id/v"},
                  "object": {"id": "http://example.id/inner", "definition": {"name": {"en": "inner"}}},
                  "context": {"contextActivities": {"other": [{"id": "http://example.id/inner-other",
                   "definition": {"type": "http://example.id/t"}}]}}},
                 "context": {"contextActivities": {
                  "parent": [{"id": "http://example.id/parent", "definition": {"name": {"en": "parent"}}},
                             {"id": "http://example.id/bare"}],
                  "grouping": {"id": "http://example.id/grouping", "definition": {"name": {"en": "grouping"}}}}}}"""));

        assertThat(carried).extracting(ActivityDefinitions.Carried::id).containsExactly("http://example.id/parent",
                "http://example.id/grouping", "http://example.id/inner", "http://example.id/inner-other");
        assertThat(carried.get(0).definition()).isEqualTo(parse("{\"name\": {\"en\": \"parent\"}}"));
    }

    @Test
    void carriesNothingFromAnAgentObjectOrAnActivityWithoutDefinition() {
        assertThat(ActivityDefinitions.carried(parse("""
                {"actor": {"mbox": "mailto:siti@example.id"}, "verb": {"id": "http://example.id/v"},
                 "object": {"objectType": "Agent", "mbox": "mailto:budi@example.id"}}"""))).isEmpty();
        assertThat(ActivityDefinitions.carried(parse("""
                {"actor": {"mbox": "mailto:siti@example.id"}, "verb": {"id": "http://example.id/v"},
                 "object": {"id": "http://example.id/a"}}"""))).isEmpty();
    }

    @Test
    void mergesLanguageMapsWithTheNewerTextsWinning() {
        assertThat(ActivityDefinitions.merge(object("""
                {"name": {"en-US": "meeting", "id-ID": "rapat"}, "description": {"en-US": "a meeting"}}"""), parse("""
                {"name": {"en-US": "the meeting", "fr-FR": "réunion"}}"""), ANY_SIZE)).isEqualTo(parse("""
                {"name": {"en-US": "the meeting", "id-ID": "rapat", "fr-FR": "réunion"},
                 "description": {"en-US": "a meeting"}}"""));
    }

    @Test
    void replacesEveryOtherFieldTheNewerGivesAndKeepsThoseItLeavesOut() {
        assertThat(ActivityDefinitions.merge(object("""
                {"type": "http://example.id/old", "moreInfo": "http://example.id/info",
                 "extensions": {"http://example.id/x": 1, "http://example.id/y": 2},
                 "interactionType": "choice", "choices": [{"id": "a", "description": {"en": "A"}}]}"""), parse("""
                {"type": "http://example.id/new", "extensions": {"http://example.id/x": 3},
                 "choices": [{"id": "b", "description": {"en": "B"}}]}"""), ANY_SIZE)).isEqualTo(parse("""
                {"type": "http://example.id/new", "moreInfo": "http://example.id/info",
                 "extensions": {"http://example.id/x": 3},
                 "interactionType": "choice", "choices": [{"id": "b", "description": {"en": "B"}}]}"""));
    }

    @Test
    void takesTheNewerWholeWhenNothingIsKept() {
        assertThat(ActivityDefinitions.merge(null, parse("{\"name\": {\"en\": \"a\"}}"), ANY_SIZE))
                .isEqualTo(parse("{\"name\": {\"en\": \"a\"}}"));
    }

    @Test
    void takesTheNewerAloneWhenTheMergedDefinitionWouldPassTheLimit() {
        String kept = "{\"name\": {\"en\": \"" + "k".repeat(60) + "\"}}";
        String newer = "{\"name\": {\"fr\": \"" + "n".repeat(60) + "\"}}";
        long limit = ActivityDefinitions.bytes(parse(newer)) + 40;

        assertThat(ActivityDefinitions.merge(object(kept), parse(newer), limit)).isEqualTo(parse(newer));
        assertThat(ActivityDefinitions.merge(object(kept), parse(newer), limit * 3).path("name").size()).isEqualTo(2);
    }

    @Test
    void refusesAMissingOrRelativeActivityId() {
        assertThat(ActivityDefinitions.activityId("http://example.id/a", "activityId")).isEqualTo("http://example.id/a");
        for (String bad : new String[] {null, "", "kursus", "http://example.id/a b"}) {
            assertThatThrownBy(() -> ActivityDefinitions.activityId(bad, "activityId"))
                    .isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                            .extracting(error -> error.field()).containsExactly("activityId"));
        }
    }
}

package org.jpledger.training.xapi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** The document resources' parameters: each kind's key, its canonical agent, and every refusal naming its parameter. */
class DocumentKeyTest {

    private static final String AGENT = "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lms.example\","
            + "\"name\":\"siti\"}}";

    @Test
    void aStateKeyHoldsTheActivityTheAgentsIdentifierTheRegistrationAndTheId() {
        DocumentKey.Request request = DocumentKey.read(DocumentKey.Kind.STATE, Map.of(
                "activityId", List.of("https://lms.example/course"), "agent", List.of(AGENT),
                "registration", List.of("6A3F0C1E-1B2C-4D5E-8F90-A1B2C3D4E5F6"), "stateId", List.of("bookmark")),
                false, 255);

        assertThat(request.key()).isEqualTo(new DocumentKey(DocumentKey.Kind.STATE, "https://lms.example/course",
                "account:https://lms.example|siti", "6a3f0c1e-1b2c-4d5e-8f90-a1b2c3d4e5f6", "bookmark"));
    }

    @Test
    void theSameAgentWrittenOtherwiseIsTheSameKey() {
        DocumentKey one = profile("{\"mbox\":\"mailto:siti@example.go.id\"}");
        DocumentKey other = profile(
                "{\"name\":\"Siti\",\"objectType\":\"Agent\",\"mbox\":\"mailto:siti@example.go.id\"}");

        assertThat(one).isEqualTo(other);
    }

    @Test
    void aKindTakesOnlyItsOwnParametersAndSinceOnlyOnAGet() {
        assertRefused(DocumentKey.Kind.ACTIVITY_PROFILE, Map.of("activityId", List.of("https://a.example"),
                "agent", List.of(AGENT)), false, "agent");
        assertRefused(DocumentKey.Kind.AGENT_PROFILE, Map.of("agent", List.of(AGENT),
                "since", List.of("2026-03-05T00:00:00Z")), false, "since");
        assertThat(DocumentKey.read(DocumentKey.Kind.AGENT_PROFILE, Map.of("agent", List.of(AGENT),
                "since", List.of("2026-03-05T00:00:00Z")), true, 255).since())
                .isEqualTo(Instant.parse("2026-03-05T00:00:00Z"));
    }

    @Test
    void malformedParametersAreRefusedByName() {
        assertRefused(DocumentKey.Kind.STATE, Map.of("agent", List.of(AGENT), "stateId", List.of("s")), false,
                "activityId");
        assertRefused(DocumentKey.Kind.ACTIVITY_PROFILE, Map.of("activityId", List.of("not an iri")), false,
                "activityId");
        assertRefused(DocumentKey.Kind.AGENT_PROFILE, Map.of("agent", List.of("true")), false, "agent");
        assertRefused(DocumentKey.Kind.AGENT_PROFILE, Map.of("agent", List.of("{\"mbox\":\"siti@example.go.id\"}")),
                false, "agent.mbox");
        assertRefused(DocumentKey.Kind.STATE, Map.of("activityId", List.of("https://a.example"),
                "agent", List.of(AGENT), "registration", List.of("12345")), false, "registration");
        assertRefused(DocumentKey.Kind.AGENT_PROFILE, Map.of("agent", List.of(AGENT), "since", List.of("kemarin")),
                true, "since");
        assertRefused(DocumentKey.Kind.AGENT_PROFILE, Map.of("agent", List.of(AGENT, AGENT)), false, "agent");
    }

    @Test
    void anIdIsAtMostTheGivenLengthAndNeverEmpty() {
        Map<String, List<String>> longest = Map.of("agent", List.of(AGENT), "profileId", List.of("p".repeat(10)));
        assertThat(DocumentKey.read(DocumentKey.Kind.AGENT_PROFILE, longest, false, 10).key().documentId())
                .hasSize(10);
        assertRefused(DocumentKey.Kind.AGENT_PROFILE, Map.of("agent", List.of(AGENT),
                "profileId", List.of("p".repeat(256))), false, "profileId");
        assertRefused(DocumentKey.Kind.AGENT_PROFILE, Map.of("agent", List.of(AGENT), "profileId", List.of("")),
                false, "profileId");
        DocumentKey withoutId = DocumentKey.read(DocumentKey.Kind.AGENT_PROFILE, Map.of("agent", List.of(AGENT)),
                false, 10).key();
        assertThatThrownBy(withoutId::requireId).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("profileId"));
    }

    private static DocumentKey profile(String agent) {
        return DocumentKey.read(DocumentKey.Kind.AGENT_PROFILE, Map.of("agent", List.of(agent),
                "profileId", List.of("p")), false, 255).key();
    }

    private static void assertRefused(DocumentKey.Kind kind, Map<String, List<String>> given, boolean since,
            String field) {
        assertThatThrownBy(() -> DocumentKey.read(kind, given, since, 255))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).contains(field));
    }
}

package org.jpledger.training.xapi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jpledger.training.xapi.rules.XapiJson.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jpledger.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** The Person object: the identifier asked for, and the names the agent was given. */
class PersonsTest {

    @Test
    void holdsTheIdentifierOfEachKindAsAnArray() {
        assertThat(Persons.person(parse("{\"mbox\": \"mailto:siti@example.id\"}"), List.of()))
                .isEqualTo(parse("{\"objectType\": \"Person\", \"mbox\": [\"mailto:siti@example.id\"]}"));
        assertThat(Persons.person(parse("{\"mbox_sha1sum\": \"ebd31e95054c018b10727ccffd2ef2ec3a016ee9\"}"), List.of()))
                .isEqualTo(parse("""
                        {"objectType": "Person", "mbox_sha1sum": ["ebd31e95054c018b10727ccffd2ef2ec3a016ee9"]}"""));
        assertThat(Persons.person(parse("{\"openid\": \"https://id.example.id/siti\"}"), List.of()))
                .isEqualTo(parse("{\"objectType\": \"Person\", \"openid\": [\"https://id.example.id/siti\"]}"));
        assertThat(Persons.person(parse("""
                {"name": "Siti", "account": {"homePage": "https://siasn.bkn.go.id", "name": "198503122010012003"}}"""),
                List.of())).isEqualTo(parse("""
                {"objectType": "Person", "name": ["Siti"],
                 "account": [{"homePage": "https://siasn.bkn.go.id", "name": "198503122010012003"}]}"""));
    }

    @Test
    void addsTheNamesSeenForTheSameAgentOnceEach() {
        List<JsonNode> seen = List.of(
                parse("{\"mbox\": \"mailto:siti@example.id\", \"name\": \"Siti R.\"}"),
                parse("{\"mbox\": \"mailto:siti@example.id\", \"name\": \"Siti\"}"),
                parse("{\"mbox\": \"mailto:budi@example.id\", \"name\": \"Budi\"}"),
                parse("""
                        {"objectType": "Group", "mbox": "mailto:siti@example.id", "name": "a group, no person",
                         "member": [{"mbox": "mailto:siti@example.id", "name": "Siti Rahayu"},
                                    {"mbox": "mailto:budi@example.id", "name": "Budi"}]}"""));

        assertThat(Persons.person(parse("{\"mbox\": \"mailto:siti@example.id\", \"name\": \"Siti\"}"), seen))
                .isEqualTo(parse("""
                        {"objectType": "Person", "name": ["Siti", "Siti R.", "Siti Rahayu"],
                         "mbox": ["mailto:siti@example.id"]}"""));
    }

    @Test
    void refusesAGroupAndAnAgentWithoutExactlyOneIdentifier() {
        assertThat(Persons.checkAgent(parse("{\"objectType\": \"Agent\", \"mbox\": \"mailto:siti@example.id\"}"),
                "agent")).isNotNull();
        assertRefused("{\"objectType\": \"Group\", \"mbox\": \"mailto:siti@example.id\"}", "agent.objectType");
        assertRefused("{\"name\": \"Siti\"}", "agent");
        assertRefused("{\"mbox\": \"mailto:siti@example.id\", \"openid\": \"https://id.example.id/siti\"}", "agent");
        assertRefused("{\"mbox\": \"siti@example.id\"}", "agent.mbox");
        assertRefused("[\"mailto:siti@example.id\"]", "agent");
    }

    private static void assertRefused(String agent, String field) {
        assertThatThrownBy(() -> Persons.checkAgent(parse(agent), "agent"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .extracting(error -> error.field()).contains(field));
    }
}

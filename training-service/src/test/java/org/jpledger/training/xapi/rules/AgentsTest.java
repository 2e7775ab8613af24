package org.jpledger.training.xapi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.training.xapi.rules.XapiJson.parse;

import org.junit.jupiter.api.Test;

/** Agents: how two agents are told to be the same one. */
class AgentsTest {

    @Test
    void agentKeyIsTheInverseFunctionalIdentifier() {
        assertThat(Agents.key(parse("""
                {"mbox": "mailto:siti@example.id", "name": "Siti"}"""))).isEqualTo("mbox:mailto:siti@example.id");
        assertThat(Agents.key(parse("""
                {"mbox_sha1sum": "EBD31E95054C018B10727CCFFD2EF2EC3A016EE9"}""")))
                .isEqualTo("mbox_sha1sum:ebd31e95054c018b10727ccffd2ef2ec3a016ee9");
        assertThat(Agents.key(parse("""
                {"openid": "https://id.example.id/siti"}"""))).isEqualTo("openid:https://id.example.id/siti");
        assertThat(Agents.key(parse("""
                {"account": {"homePage": "https://siasn.bkn.go.id", "name": "198503122010012003"}}""")))
                .isEqualTo("account:https://siasn.bkn.go.id|198503122010012003");
    }

    @Test
    void anonymousGroupHasNoAgentKey() {
        assertThat(Agents.key(parse("""
                {"objectType": "Group", "member": [{"mbox": "mailto:siti@example.id"}]}"""))).isNull();
    }
}

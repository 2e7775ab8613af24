package org.jpledger.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What PostgreSQL cannot store must not keep an attempt out of the audit log. */
class AuditLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WITH_NUL = "19850312201001200\u0000";
    private static final String REPLACED = "19850312201001200\uFFFD";

    @Test
    void replacesNulCharactersInTextAndLeavesOtherTextAsItIs() {
        assertThat(AuditLog.storable(WITH_NUL)).isEqualTo(REPLACED);
        assertThat(AuditLog.storable("Pelatihan \uD83D\uDE00 'x'; --")).isEqualTo("Pelatihan \uD83D\uDE00 'x'; --");
        assertThat(AuditLog.storable((String) null)).isNull();
    }

    @Test
    void replacesNulCharactersInEveryTextOfTheDetailsNamesIncludedAndKeepsOtherValues() throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("year", WITH_NUL);
        details.put("files", List.of(WITH_NUL, 3));
        details.put("filters", Map.of("unit\u0000", WITH_NUL));
        details.put("rows", 12);
        details.put("none", null);

        JsonNode stored = AuditLog.storable(JSON.valueToTree(details));

        assertThat(JSON.writeValueAsString(stored)).doesNotContain("\\u0000");
        assertThat(stored.path("year").asText()).isEqualTo(REPLACED);
        assertThat(stored.path("files").get(0).asText()).isEqualTo(REPLACED);
        assertThat(stored.path("files").get(1).asInt()).isEqualTo(3);
        assertThat(stored.path("filters").path("unit\uFFFD").asText()).isEqualTo(REPLACED);
        assertThat(stored.path("rows").asInt()).isEqualTo(12);
        assertThat(stored.get("none").isNull()).isTrue();
    }
}

package org.jpledger.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoldenFilesTest {

    @Test
    void eachGoldenFileNamesItsOwnEventType() {
        assertThat(GoldenFiles.read(GoldenFiles.UNIT_UPSERTED_V1)).contains("\"type\": \"" + EventTypes.UNIT_UPSERTED_V1 + "\"");
        assertThat(GoldenFiles.read(GoldenFiles.UNIT_UPSERTED_V1_REORGANISED)).contains("\"type\": \"" + EventTypes.UNIT_UPSERTED_V1 + "\"");
        assertThat(GoldenFiles.read(GoldenFiles.EMPLOYEE_UPSERTED_V1)).contains("\"type\": \"" + EventTypes.EMPLOYEE_UPSERTED_V1 + "\"");
        assertThat(GoldenFiles.read(GoldenFiles.COMPLETION_RECORDED_V1)).contains("\"type\": \"" + EventTypes.COMPLETION_RECORDED_V1 + "\"");
        assertThat(GoldenFiles.read(GoldenFiles.COMPLETION_REVIEWED_V1)).contains("\"type\": \"" + EventTypes.COMPLETION_REVIEWED_V1 + "\"");
    }

    @Test
    void refusesAnUnknownGoldenFile() {
        assertThatThrownBy(() -> GoldenFiles.read("nope.json")).isInstanceOf(IllegalArgumentException.class);
    }
}

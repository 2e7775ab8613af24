package org.jpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.jpledger.contracts.events.CloudEvent;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.GoldenFiles;
import org.junit.jupiter.api.Test;

/** The bulk route writes its outbox rows itself: they must be the events training-service writes, byte for meaning. */
class BulkLoadTest {

    @Test
    void writesCompletionEventsAsTheGoldenFileShowsThem() throws Exception {
        assertRoundTrip(GoldenFiles.COMPLETION_RECORDED_V1, new TypeReference<CloudEvent<CompletionRecorded>>() { });
    }

    @Test
    void writesEmployeeEventsAsTheGoldenFileShowsThem() throws Exception {
        assertRoundTrip(GoldenFiles.EMPLOYEE_UPSERTED_V1, new TypeReference<CloudEvent<EmployeeUpserted>>() { });
    }

    private static <T> void assertRoundTrip(String golden, TypeReference<CloudEvent<T>> type) throws Exception {
        String text = GoldenFiles.read(golden);
        CloudEvent<T> event = Http.JSON.readValue(text, type);

        String written = BulkLoad.eventJson(event.id(), event.type(), event.subject(), event.time(), event.data());

        JsonNode expected = Http.JSON.readTree(text);
        assertThat(Http.JSON.readTree(written)).isEqualTo(expected);
        assertThat(event.source()).isEqualTo(BulkLoad.SOURCE);
    }
}

package org.jpledger.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.localstack.TestTokens;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.rest.ExportResource;
import org.junit.jupiter.api.Test;

/**
 * An export is one snapshot: employees whose events are applied while the file is still streaming (the client has read
 * only its first part) are not in it, and the row count in the headers and the trailer matches the rows.
 */
@QuarkusTest
class ExportSnapshotTest {

    private static final int ROWS = 40_000;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/api/v1/exports/compliance")
    URL exports;

    @Test
    void leavesOutWhatIsAppliedWhileTheFileStreams() throws Exception {
        int year = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();
        String unit = "SNAP-" + UUID.randomUUID().toString().substring(0, 8);
        BulkRoster.write(dataSource, unit, year, ROWS);
        HttpRequest request = HttpRequest.newBuilder(URI.create(exports + "?unitCode=" + unit))
                .header("Authorization", TestTokens.everythingFrom(getClass())).build();

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> late = new ArrayList<>();
        String text;
        try (InputStream body = response.body(); LedgerEvents events = new LedgerEvents(bootstrapServers, mapper)) {
            byte[] first = body.readNBytes(64 * 1024);
            // Sorted by name within the unit, these would come last if the export saw them.
            RecordMetadata last = null;
            for (int i = 0; i < 20; i++) {
                String nip = LedgerEvents.freshNip();
                late.add(nip);
                last = events.employee(new EmployeeUpserted(nip, "Zaenal Terlambat " + i, EmploymentType.PNS,
                        PositionLevel.PELAKSANA, unit, LocalDate.of(2010, 1, 1), null, 1,
                        List.of(new UnitAssignment(unit, LocalDate.of(2010, 1, 1)))));
            }
            new Projections(dataSource).awaitHandled(last);
            text = new String(first, StandardCharsets.UTF_8) + new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response.statusCode()).isEqualTo(200);
        List<List<String>> rows = CsvRows.parse(text, ',');
        List<List<String>> data = rows.subList(1, rows.size() - 1);
        assertThat(data).hasSize(ROWS);
        assertThat(response.headers().firstValue(ExportResource.ROW_COUNT)).hasValue(Integer.toString(ROWS));
        assertThat(rows.get(rows.size() - 1).get(2)).isEqualTo(Integer.toString(ROWS));
        assertThat(data).extracting(row -> row.get(0)).doesNotContainAnyElementsOf(late);
        // The late employees are there for the next export.
        HttpResponse<String> after = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(after.headers().firstValue(ExportResource.ROW_COUNT)).hasValue(Integer.toString(ROWS + late.size()));
    }
}

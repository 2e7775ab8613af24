package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.registeredEmployee;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The stored history format outlives the API answer: rows written while history stored the API's CompletionResponse
 * still read back, field for field.
 */
@QuarkusTest
class CompletionHistoryFormatTest {

    @Inject
    DataSource dataSource;

    @Test
    void readsAVersionStoredInTheFormerApiResponseFormat() throws Exception {
        String nip = registeredEmployee();
        String externalId = "history-format-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).body(completionJson(nip, externalId))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");
        // Exactly as CompletionResponse was written into completion_history, with a property no longer known.
        String formerState = """
                {"id":"%s","version":2,"nip":"%s","title":"Pelatihan lama","kindId":3,"method":"KLASIKAL",
                 "competencyType":"MANAJERIAL","deliveryMode":"DARING","provider":"BPSDMD Provinsi Jawa Tengah",
                 "startDate":"2026-03-02","endDate":"2026-03-05","year":2026,"jp":30.00,"days":null,
                 "international":true,"recognizedJp":36.00,"ruleVersion":1,"certificateNumber":"SERT-001",
                 "sourceSystem":"test-lms","externalId":"%s","status":"VOIDED","voidReason":"Sertifikat ganda",
                 "recordedAt":"2026-03-06T01:02:03.456Z","updatedAt":"2026-03-07T04:05:06.789Z",
                 "retiredProperty":"ignored"}""".formatted(id, nip, externalId);
        try (Connection sql = dataSource.getConnection();
                PreparedStatement insert = sql.prepareStatement("""
                        INSERT INTO completion_history (completion_id, version, change, state, changed_at, changed_by)
                        VALUES (?::uuid, 2, 'VOIDED', ?, TIMESTAMPTZ '2026-03-07 04:05:06.789Z', 'former-client')
                        """)) {
            insert.setString(1, id);
            insert.setString(2, formerState);
            insert.executeUpdate();
        }

        given().when().get("/api/v1/completions/{id}/history", id)
                .then().statusCode(200)
                .body("version", contains(1, 2))
                .body("change", contains("RECORDED", "VOIDED"))
                .body("[1].changedBy", equalTo("former-client"))
                .body("[1].completion.id", equalTo(id))
                .body("[1].completion.version", equalTo(2))
                .body("[1].completion.nip", equalTo(nip))
                .body("[1].completion.title", equalTo("Pelatihan lama"))
                .body("[1].completion.kindId", equalTo(3))
                .body("[1].completion.method", equalTo("KLASIKAL"))
                .body("[1].completion.competencyType", equalTo("MANAJERIAL"))
                .body("[1].completion.deliveryMode", equalTo("DARING"))
                .body("[1].completion.provider", equalTo("BPSDMD Provinsi Jawa Tengah"))
                .body("[1].completion.startDate", equalTo("2026-03-02"))
                .body("[1].completion.endDate", equalTo("2026-03-05"))
                .body("[1].completion.year", equalTo(2026))
                .body("[1].completion.jp", equalTo(30.0f))
                .body("[1].completion.international", equalTo(true))
                .body("[1].completion.recognizedJp", equalTo(36.0f))
                .body("[1].completion.ruleVersion", equalTo(1))
                .body("[1].completion.certificateNumber", equalTo("SERT-001"))
                .body("[1].completion.sourceSystem", equalTo("test-lms"))
                .body("[1].completion.externalId", equalTo(externalId))
                .body("[1].completion.status", equalTo("VOIDED"))
                .body("[1].completion.voidReason", equalTo("Sertifikat ganda"))
                .body("[1].completion.recordedAt", equalTo("2026-03-06T01:02:03.456Z"))
                .body("[1].completion.updatedAt", equalTo("2026-03-07T04:05:06.789Z"));
    }

    @Test
    void storesTheSnapshotUnderTheFormerPropertyNames() throws Exception {
        String nip = registeredEmployee();
        String id = given().contentType(ContentType.JSON).body(completionJson(nip, "history-names-" + UUID.randomUUID()))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");
        String state;
        try (Connection sql = dataSource.getConnection();
                PreparedStatement read = sql.prepareStatement(
                        "SELECT state FROM completion_history WHERE completion_id = ?::uuid AND version = 1")) {
            read.setString(1, id);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                state = row.getString(1);
            }
        }
        assertThat(new ObjectMapper().readTree(state).fieldNames()).toIterable().containsExactly("id", "version", "nip", "title", "kindId", "method",
                "competencyType", "deliveryMode", "provider", "startDate", "endDate", "year", "jp", "days",
                "international", "recognizedJp", "ruleVersion", "certificateNumber", "sourceSystem", "externalId",
                "status", "voidReason", "recordedAt", "updatedAt", "flags", "verification", "recordedBy", "verifiedBy",
                "verifiedAt", "rejectionCode", "rejectionNote", "duplicateOf");
    }
}

package org.jpledger.training.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.registeredEmployee;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new completion's row is written once: an insert, never an insert followed by an update of the same row (which
 * writes the row and every index twice and halves bulk ingest). A trigger counts the updates while these tests run.
 */
@QuarkusTest
class CompletionWritesTest {

    @Inject
    DataSource dataSource;

    private String nip;

    @BeforeEach
    void countUpdates() throws SQLException {
        nip = registeredEmployee();
        execute("""
                CREATE TABLE IF NOT EXISTS test_completion_update (id uuid NOT NULL);
                CREATE OR REPLACE FUNCTION test_count_completion_update() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO test_completion_update VALUES (NEW.id); RETURN NEW; END $$;
                CREATE OR REPLACE TRIGGER test_count_completion_update AFTER UPDATE ON completion
                    FOR EACH ROW EXECUTE FUNCTION test_count_completion_update();""");
    }

    @AfterEach
    void stopCounting() throws SQLException {
        execute("""
                DROP TRIGGER IF EXISTS test_count_completion_update ON completion;
                DROP FUNCTION IF EXISTS test_count_completion_update();
                DROP TABLE IF EXISTS test_completion_update;""");
    }

    @Test
    void writesARecordedCompletionOnce() throws SQLException {
        String id = given().contentType(ContentType.JSON).body(completionJson(nip, "once-" + UUID.randomUUID()))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");

        assertThat(updatesOf(List.of(id))).isZero();
    }

    @Test
    void writesEachCompletionOfABatchOnce() throws SQLException {
        String run = "batch-once-" + UUID.randomUUID();
        List<String> ids = given().contentType(ContentType.JSON)
                // Three different trainings: the same one thrice would rightly flag the earlier ones (an update each).
                .body("[" + completionJson(nip, run + "-1") + ","
                        + completionJson(nip, run + "-2").replace("Analisis Kebijakan", "Literasi Digital") + ","
                        + completionJson(nip, run + "-3").replace("Analisis Kebijakan", "Manajemen Arsip") + "]")
                .post("/api/v1/completions/batch").then().statusCode(200).extract().path("items.completion.id");

        assertThat(ids).hasSize(3).doesNotContainNull();
        assertThat(updatesOf(ids)).isZero();
    }

    @Test
    void writesAnAmendmentAsOneUpdate() throws SQLException {
        String externalId = "amend-once-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).body(completionJson(nip, externalId))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(completionJson(nip, externalId).replace("\"jp\":24", "\"jp\":30"))
                .put("/api/v1/completions/{id}", id).then().statusCode(200);

        assertThat(updatesOf(List.of(id))).isEqualTo(1);
    }

    private long updatesOf(List<String> ids) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement count = c.prepareStatement(
                        "SELECT count(*) FROM test_completion_update WHERE id = ANY (?)")) {
            count.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.registeredEmployee;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.training.domain.CompletionRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many completions at once: each item answered on its own, reported in order; CSV files streamed row by row. */
@QuarkusTest
class CompletionBatchTest {

    private static final String HEADER_SEMICOLON =
            "nip;title;kindId;competencyType;deliveryMode;provider;startDate;endDate;jp;sourceSystem;externalId";

    @Inject
    CompletionRepository completions;

    @Inject
    DataSource dataSource;

    private String nip;
    private String run;

    @BeforeEach
    void employee() {
        nip = registeredEmployee();
        run = UUID.randomUUID().toString();
    }

    @Test
    void recordsEachItemOnItsOwnAndReportsEveryOutcomeInOrder() {
        String good = completionJson(nip, run + "-1");
        String unknownField = completionJson(nip, run + "-2").replace("{", "{\"isAdmin\":true,");
        String unknownEmployee = completionJson("199001012015011001", run + "-3");
        String alsoGood = completionJson(nip, run + "-4");

        given().contentType(ContentType.JSON).body("[" + good + "," + unknownField + "," + unknownEmployee + "," + alsoGood + "]")
                .when().post("/api/v1/completions/batch")
                .then().statusCode(200)
                .body("created", equalTo(2)).body("failed", equalTo(2))
                .body("items.index", contains(0, 1, 2, 3))
                .body("items.status", contains("created", "error", "error", "created"))
                .body("items[1].problem.errors.field", hasItem("isAdmin"))
                .body("items[2].problem.errors.field", hasItem("nip"));

        assertThat(stored("sourceSystem = ?1 and externalId like ?2", "test-lms", run + "%")).isEqualTo(2);
    }

    @Test
    void reportsADuplicateInsideTheBatchPerItem() {
        String item = completionJson(nip, run + "-dup");
        String sameKeyOtherContent = item.replace("\"jp\":24", "\"jp\":30");

        JsonPath answer = given().contentType(ContentType.JSON).body("[" + item + "," + item + "," + sameKeyOtherContent + "]")
                .when().post("/api/v1/completions/batch")
                .then().statusCode(200)
                .body("items.status", contains("created", "existing", "error"))
                .body("items[2].problem.status", equalTo(409))
                .extract().jsonPath();

        assertThat(answer.getString("items[1].completion.id")).isEqualTo(answer.getString("items[0].completion.id"));
    }

    @Test
    void recordsManyEmployeesInParallelKeepingEachEmployeesOrderAndTheFirstOfARepeatedKey() {
        List<String> nips = IntStream.range(0, 8).mapToObj(i -> registeredEmployee()).toList();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            items.add(completionJson(nips.get(i % nips.size()), run + "-" + i).replace("Pelatihan Analisis Kebijakan",
                    "Pelatihan " + i));
        }
        // The key of the last item of employee 7 sent again for another employee, whose lane would otherwise run
        // first: the first item is recorded and the repeat refused, however the lanes are scheduled.
        items.add(completionJson(registeredEmployee(), run + "-199"));

        JsonPath answer = given().contentType(ContentType.JSON).body("[" + String.join(",", items) + "]")
                .when().post("/api/v1/completions/batch")
                .then().statusCode(200).body("created", equalTo(200)).body("failed", equalTo(1))
                .body("items[200].problem.status", equalTo(409))
                .extract().jsonPath();

        assertThat(answer.getList("items.index", Integer.class)).isEqualTo(IntStream.rangeClosed(0, 200).boxed().toList());
        assertThat(answer.getString("items[199].completion.nip")).isEqualTo(nips.get(7));
        for (int e = 0; e < nips.size(); e++) {
            int employee = e;
            List<String> expected = IntStream.range(0, 200).filter(i -> i % nips.size() == employee)
                    .mapToObj(i -> "Pelatihan " + i).toList();
            assertThat(given().queryParam("nip", nips.get(e)).queryParam("limit", 500).get("/api/v1/completions")
                    .then().statusCode(200).extract().jsonPath().getList("items.title", String.class))
                    .as("completions of employee %d in recording order", e).isEqualTo(expected);
        }
    }

    @Test
    void refusesABatchOverTheLimitStoringNothing() {
        String items = IntStream.range(0, 1001).mapToObj(i -> completionJson(nip, run + "-" + i))
                .collect(Collectors.joining(",", "[", "]"));

        given().contentType(ContentType.JSON).body(items)
                .when().post("/api/v1/completions/batch")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("body"));
        assertThat(stored("externalId like ?1", run + "%")).isZero();
    }

    @Test
    void refusesAnEmptyBatchAndABodyThatIsNotAnArray() {
        given().contentType(ContentType.JSON).body("[]").post("/api/v1/completions/batch")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.JSON).body(completionJson(nip, run)).post("/api/v1/completions/batch")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void importsASemicolonCsvWithABomQuotesAndADecimalComma() {
        String csv = "\uFEFF" + HEADER_SEMICOLON + "\r\n"
                + nip + ";\"Bimtek \"\"SIASN\"\"; angkatan 2\";8;TEKNIS;LURING;BKD;2026-02-02;2026-02-03;12,5;csv;" + run + "-1\r\n"
                + nip + ";Kursus;11;TEKNIS;DARING;LAN;2026-02-04;2026-02-05;6;csv;" + run + "-2\r\n";

        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/completions/import")
                .then().statusCode(200)
                .body("rows", equalTo(2)).body("created", equalTo(2)).body("failed", equalTo(0));

        given().queryParam("nip", nip).get("/api/v1/completions")
                .then().body("items.title", contains("Bimtek \"SIASN\"; angkatan 2", "Kursus"))
                .body("items.jp", contains(12.5f, 6.0f));
    }

    @Test
    void importsACommaCsvReportingBadRowsByNumberAndStoringTheRest() {
        String csv = HEADER_SEMICOLON.replace(';', ',') + "\n"
                + nip + ",Pelatihan A,3,TEKNIS,LURING,BKD,2026-02-02,2026-02-03,8,csv," + run + "-1\n"
                + nip + ",Pelatihan B,3,TEKNIS,LURING,BKD,2026-02-02,not-a-date,8,csv," + run + "-2\n"
                + nip + ",Pelatihan C,99,TEKNIS,LURING,BKD,2026-02-02,2026-02-03,8,csv," + run + "-3\n"
                + nip + ",Pelatihan D,3,TEKNIS,LURING,BKD,2026-02-02,2026-02-03,8,csv," + run + "-4\n";

        given().contentType("text/csv").body(csv)
                .when().post("/api/v1/completions/import")
                .then().statusCode(200)
                .body("rows", equalTo(4)).body("created", equalTo(2)).body("failed", equalTo(2))
                .body("errors.row", contains(2, 3))
                .body("errors[0].problem.errors.field", hasItem("endDate"))
                .body("errors[1].problem.errors.field", hasItem("kindId"));
        assertThat(stored("externalId like ?1", run + "%")).isEqualTo(2);
    }

    @Test
    void refusesAFileWithAnUnknownOrMissingColumnStoringNothing() {
        String unknown = HEADER_SEMICOLON + ";colour\n" + nip + ";T;3;TEKNIS;LURING;BKD;2026-02-02;2026-02-03;8;csv;" + run
                + ";red\n";
        given().contentType("text/csv").body(unknown).when().post("/api/v1/completions/import")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("header"));
        String missing = "nip;title\n" + nip + ";T\n";
        given().contentType("text/csv").body(missing).when().post("/api/v1/completions/import")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        assertThat(stored("externalId like ?1", run + "%")).isZero();
    }

    @Test
    void importsThousandsOfRows() {
        int rows = 2000;
        StringBuilder csv = new StringBuilder(HEADER_SEMICOLON.replace(';', ',')).append('\n');
        for (int i = 0; i < rows; i++) {
            csv.append(nip).append(",Pelatihan ").append(i).append(",16,TEKNIS,DARING,LMS,2026-01-10,2026-01-10,2,csv,")
                    .append(run).append('-').append(i).append('\n');
        }
        long start = System.nanoTime();

        given().contentType("text/csv").body(csv.toString())
                .when().post("/api/v1/completions/import")
                .then().statusCode(200).body("rows", equalTo(rows)).body("created", equalTo(rows));

        io.quarkus.logging.Log.infof("CSV import: %d rows in %.1f s", rows, (System.nanoTime() - start) / 1e9);
        assertThat(stored("externalId like ?1", run + "%")).isEqualTo(rows);
    }

    @Test
    void recordsEveryItemOnceWhenAConcurrentWriterTakesAKeyOfTheGroupFirst() throws Exception {
        String taken = run + "-taken";
        try (Connection other = dataSource.getConnection()) {
            // Another writer's uncommitted record of one of the batch's keys: the batch's group cannot see it, and its
            // insert waits on the unique index until the record commits, then fails the group's transaction.
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("""
                    INSERT INTO completion (id, version, nip, title, kind_id, method, competency_type, delivery_mode,
                        provider, start_date, end_date, training_year, jp, international, recognized_jp, source_system,
                        external_id, recorded_at, updated_at, recorded_by)
                    VALUES (gen_random_uuid(), 1, ?, 'Recorded by another writer', 3, 'KLASIKAL', 'TEKNIS', 'LURING',
                        'BPSDMD', DATE '2026-03-02', DATE '2026-03-05', 2026, 24, false, 24, 'test-lms', ?, now(), now(),
                        'another-writer')
                    """)) {
                insert.setString(1, nip);
                insert.setString(2, taken);
                insert.executeUpdate();
            }
            CompletableFuture<JsonPath> batch = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                    .body("[" + completionJson(nip, run + "-a") + "," + completionJson(nip, taken) + ","
                            + completionJson(nip, run + "-b") + "]")
                    .when().post("/api/v1/completions/batch")
                    .then().statusCode(200).extract().jsonPath());
            Thread.sleep(1500);
            other.commit();

            JsonPath answer = batch.get(60, TimeUnit.SECONDS);
            assertThat(answer.getList("items.status")).containsExactly("created", "error", "created");
            assertThat(answer.getInt("items[1].problem.status")).isEqualTo(409);
        }
        assertThat(stored("sourceSystem = ?1 and externalId like ?2", "test-lms", run + "%")).isEqualTo(3);
        assertThat(stored("externalId = ?1 and title = ?2", taken, "Recorded by another writer")).isEqualTo(1);
    }

    private long stored(String query, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> completions.count(query, params));
    }
}

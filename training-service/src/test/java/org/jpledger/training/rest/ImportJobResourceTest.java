package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.jpledger.training.TestData.registeredEmployee;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.domain.CompletionRepository;
import org.junit.jupiter.api.Test;

/**
 * Imports as jobs: the file is stored and answered 202 at once, recorded in the background through the same path as
 * the synchronous import, with progress, an error report by row, a cancel, and a resume after a lost worker that
 * records every row exactly once.
 */
@QuarkusTest
class ImportJobResourceTest {

    private static final String HEADER =
            "nip,title,kindId,competencyType,deliveryMode,provider,startDate,endDate,jp,sourceSystem,externalId\n";
    private static final String JOBS = "/api/v1/completions/imports";

    @Inject
    CompletionRepository completions;

    @Inject
    EntityManager entities;

    @Test
    void recordsACsvJobWithGoodAndBadRowsAndReportsTheBadOnesByRow() throws Exception {
        String nip = registeredEmployee();
        String prefix = "job-csv-" + UUID.randomUUID();
        String csv = HEADER + row(nip, prefix + "-1") + nip + ",Pelatihan,3,TEKNIS,LURING,BPSDMD,2026-03-02,"
                + "2026-03-05,24,test-lms," + prefix + "-1\n" // same key, other content: 409
                + nip + ",Pelatihan,99,TEKNIS,LURING,BPSDMD,2026-03-02,2026-03-05,24,test-lms," + prefix + "-3\n"
                + row(nip, prefix + "-4") + row(nip, prefix + "-4");
        String writer = writer("job-csv");

        Response submitted = submit(writer, "text/csv", csv, null);
        submitted.then().statusCode(202).header("Location", startsWith("http"))
                .body("state", equalTo("QUEUED")).body("format", equalTo("csv"))
                .body("fileBytes", equalTo(csv.getBytes().length))
                .body("sha256", equalTo(sha256(csv))).body("submittedBy", equalTo("job-csv"));
        String id = submitted.jsonPath().getString("id");

        JsonPath job = awaitEnd(writer, id);
        assertThat(job.getString("state")).isEqualTo("COMPLETED");
        assertThat(job.getLong("rowsRead")).isEqualTo(5);
        assertThat(job.getLong("created")).isEqualTo(2);
        assertThat(job.getLong("existing")).isEqualTo(1);
        assertThat(job.getLong("errors")).isEqualTo(2);
        assertThat(job.getString("startedAt")).isNotNull();
        assertThat(job.getString("finishedAt")).isNotNull();
        assertThat(recorded(prefix)).isEqualTo(2);

        String report = given().header("Authorization", writer).get(JOBS + "/{id}/errors", id).then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = report.split("\r\n");
        assertThat(lines[0]).isEqualTo("row,column,status,detail");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("2,").contains(",409,");
        assertThat(lines[2]).startsWith("3,kindId,400,");
    }

    @Test
    void recordsAJsonLinesJobLikeBatchItems() {
        String nip = registeredEmployee();
        String prefix = "job-jsonl-" + UUID.randomUUID();
        String lines = TestDataLines.of(nip, prefix + "-1") + "\n\n" + "{not json\n"
                + TestDataLines.of(nip, prefix + "-2") + "\n" + "[1]\n";
        String writer = writer("job-jsonl");

        String id = submit(writer, "application/x-ndjson", lines, null).then().statusCode(202)
                .body("format", equalTo("jsonl")).extract().path("id");

        JsonPath job = awaitEnd(writer, id);
        assertThat(job.getString("state")).isEqualTo("COMPLETED");
        assertThat(job.getLong("created")).isEqualTo(2);
        assertThat(job.getLong("errors")).isEqualTo(2);
        String report = given().header("Authorization", writer).get(JOBS + "/{id}/errors", id).then()
                .statusCode(200).extract().asString();
        assertThat(report.split("\r\n")).hasSize(3).satisfies(r -> {
            assertThat(r[1]).startsWith("3,row,400,");
            assertThat(r[2]).startsWith("5,row,400,");
        });
        assertThat(recorded(prefix)).isEqualTo(2);
    }

    @Test
    void failsAJobWhoseHeaderIsWrongReportingItAsRowZero() {
        String writer = writer("job-header");
        String id = submit(writer, "text/csv", "nip,bogus\n1,2\n", null).then().statusCode(202).extract().path("id");

        JsonPath job = awaitEnd(writer, id);
        assertThat(job.getString("state")).isEqualTo("FAILED");
        assertThat(job.getString("failure")).isNotBlank();
        String report = given().header("Authorization", writer).get(JOBS + "/{id}/errors", id).then()
                .statusCode(200).extract().asString();
        assertThat(report).contains("\r\n0,header,400,");
    }

    @Test
    void resumesAJobWhoseWorkerDiedAfterItsLastCommittedRowRecordingEveryRowOnce() {
        String nip = registeredEmployee();
        String prefix = "job-resume-" + UUID.randomUUID();
        int total = 1_200;
        int committed = 500;
        String csv = HEADER + IntStream.rangeClosed(1, total).mapToObj(i -> row(nip, prefix + "-" + i))
                .collect(Collectors.joining());
        // What a worker that died after its first batch left behind: that batch's completions, and the job RUNNING
        // at row 500 under a lease nobody renews.
        given().contentType("text/csv").body(HEADER + IntStream.rangeClosed(1, committed)
                .mapToObj(i -> row(nip, prefix + "-" + i)).collect(Collectors.joining()))
                .post("/api/v1/completions/import").then().statusCode(200).body("created", equalTo(committed));
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            entities.createNativeQuery("insert into import_job (id, state, format, file_bytes, sha256, submitted_by, "
                    + "unit_scope, submitted_at, started_at, last_row, created, lease_owner, lease_until) values "
                    + "(:id, 'RUNNING', 'csv', :bytes, :sha, 'job-resume', '*', :at, :at, :row, :row, 'dead-worker', "
                    + ":until)").setParameter("id", id).setParameter("bytes", (long) csv.length())
                    .setParameter("sha", sha256(csv)).setParameter("at", Instant.now().minusSeconds(60))
                    .setParameter("row", (long) committed).setParameter("until", Instant.now().minusSeconds(1))
                    .executeUpdate();
            entities.createNativeQuery("insert into import_job_chunk (job_id, seq, data) values (:id, 0, :data)")
                    .setParameter("id", id).setParameter("data", csv.getBytes()).executeUpdate();
        });

        JsonPath job = awaitEnd(writer("job-resume"), id.toString());

        assertThat(job.getString("state")).isEqualTo("COMPLETED");
        assertThat(job.getLong("rowsRead")).isEqualTo(total);
        assertThat(job.getLong("created")).isEqualTo(total);
        // Rows up to the cursor were not read again: none of them came back as an existing record.
        assertThat(job.getLong("existing")).isZero();
        assertThat(job.getLong("errors")).isZero();
        assertThat(recorded(prefix)).isEqualTo(total);
        long distinct = QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(
                "select count(distinct external_id) from completion where external_id like :p")
                .setParameter("p", prefix + "%").getSingleResult()).longValue());
        assertThat(distinct).isEqualTo(total);
    }

    @Test
    void leavesARunningJobAloneWhileItsLeaseLasts() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("insert into import_job (id, state, "
                + "format, file_bytes, sha256, submitted_by, unit_scope, submitted_at, started_at, lease_owner, "
                + "lease_until) values (:id, 'RUNNING', 'csv', 1, 'x', 'job-leased', '*', now(), now(), 'live-worker', "
                + "now() + interval '1 hour')").setParameter("id", id).executeUpdate());

        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                given().header("Authorization", writer("job-leased")).get(JOBS + "/{id}", id).then().statusCode(200)
                        .extract().path("state").equals("RUNNING"));
        String owner = QuarkusTransaction.requiringNew().call(() -> (String) entities.createNativeQuery(
                "select lease_owner from import_job where id = :id").setParameter("id", id).getSingleResult());
        assertThat(owner).isEqualTo("live-worker");
    }

    @Test
    void endsARunningJobAskedToCancelAtItsNextBatchBoundaryKeepingWhatWasCommitted() {
        String nip = registeredEmployee();
        String prefix = "job-cancel-" + UUID.randomUUID();
        String csv = HEADER + IntStream.rangeClosed(1, 3).mapToObj(i -> row(nip, prefix + "-" + i))
                .collect(Collectors.joining());
        // A running job whose worker is gone, asked to cancel: the next worker ends it before its next batch.
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            entities.createNativeQuery("insert into import_job (id, state, format, file_bytes, sha256, submitted_by, "
                    + "unit_scope, submitted_at, started_at, cancel_requested, lease_owner, lease_until) values (:id, "
                    + "'RUNNING', 'csv', :bytes, 'x', 'job-cancel', '*', now(), now(), true, 'dead-worker', now() - "
                    + "interval '1 second')").setParameter("id", id).setParameter("bytes", (long) csv.length())
                    .executeUpdate();
            entities.createNativeQuery("insert into import_job_chunk (job_id, seq, data) values (:id, 0, :data)")
                    .setParameter("id", id).setParameter("data", csv.getBytes()).executeUpdate();
        });

        JsonPath job = awaitEnd(writer("job-cancel"), id.toString());

        assertThat(job.getString("state")).isEqualTo("CANCELLED");
        assertThat(job.getLong("rowsRead")).isZero();
        assertThat(recorded(prefix)).isZero();
        given().header("Authorization", writer("job-cancel")).post(JOBS + "/{id}/cancel", id).then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void refusesAFileOverTheSizeLimitStoringNothing() {
        String writer = writer("job-size");
        long before = jobsOf("job-size");
        // The test profile's limit is 1 MiB.
        String big = HEADER + "x".repeat(1024 * 1024);

        submit(writer, "text/csv", big, null).then().statusCode(413).contentType(Problem.MEDIA_TYPE);

        assertThat(jobsOf("job-size")).isEqualTo(before);
    }

    @Test
    void refusesAFileStreamedWithoutALengthOnceItPassesTheSizeLimitStoringNothing() throws Exception {
        String writer = writer("job-size-streamed");
        byte[] start = HEADER.getBytes(StandardCharsets.UTF_8);
        long size = 2L * 1024 * 1024;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + JOBS))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "text/csv").header("Authorization", writer)
                // An input stream of unknown length is sent chunked, without Content-Length.
                .POST(BodyPublishers.ofInputStream(() -> new SequenceInputStream(new ByteArrayInputStream(start),
                        new ByteArrayInputStream(new byte[(int) size])))).build();

        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(jobsOf("job-size-streamed")).isZero();
    }

    @Test
    void refusesAnUnknownFormatAndAnEmptyFileWithFieldReasons() {
        String writer = writer("job-bad");
        submit(writer, "text/csv", HEADER, "xlsx").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("format"));
        submit(writer, "text/csv", "", null).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("body"));
        assertThat(jobsOf("job-bad")).isZero();
        given().header("Authorization", writer).get(JOBS + "?limit=501").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().header("Authorization", writer).get(JOBS + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    void listsTheCallersJobsNewestFirstAPageAtATime() {
        String writer = writer("job-list");
        UUID first = insertJob("COMPLETED", "job-list", "2026-01-01T00:00:00Z");
        UUID second = insertJob("COMPLETED", "job-list", "2026-01-02T00:00:00Z");
        UUID third = insertJob("COMPLETED", "job-list", "2026-01-03T00:00:00Z");
        insertJob("COMPLETED", "someone-else", "2026-01-04T00:00:00Z");

        JsonPath page = given().header("Authorization", writer).get(JOBS + "?limit=2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(third.toString(), second.toString());
        String next = page.getString("nextCursor");
        JsonPath rest = given().header("Authorization", writer).queryParam("cursor", next).get(JOBS).then()
                .statusCode(200).extract().jsonPath();
        assertThat(rest.getList("items.id")).containsExactly(first.toString());
        assertThat(rest.getString("nextCursor")).isNull();
    }

    @Test
    void hidesAJobFromAnotherCallerButNotFromAnAdmin() {
        UUID id = insertJob("COMPLETED", "job-owner", "2026-01-01T00:00:00Z");
        String other = writer("job-other");
        given().header("Authorization", other).get(JOBS + "/{id}", id).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", other).get(JOBS + "/{id}/errors", id).then().statusCode(404);
        given().header("Authorization", other).post(JOBS + "/{id}/cancel", id).then().statusCode(404);
        String admin = TestTokens.bearer(Token.withRoles(Access.ADMIN).units(Access.ALL_UNITS).subject("job-admin"));
        given().header("Authorization", admin).get(JOBS + "/{id}", id).then().statusCode(200);
        String reader = TestTokens.bearer(Token.withRoles(Access.TRAINING_READER).units(Access.ALL_UNITS)
                .subject("job-reader"));
        given().header("Authorization", reader).contentType("text/csv").body(HEADER).post(JOBS).then()
                .statusCode(403);
        given().contentType("text/csv").header("Authorization", "").body(HEADER).post(JOBS).then()
                .statusCode(401);
    }

    @Test
    void refusesRowsOfEmployeesOutsideTheSubmittersUnits() {
        String nip = registeredEmployee();
        String prefix = "job-scope-" + UUID.randomUUID();
        String scoped = TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units("NO-SUCH-UNIT")
                .client("job-scope-" + UUID.randomUUID()).subject("job-scope"));
        String id = submit(scoped, "text/csv", HEADER + row(nip, prefix), null).then().statusCode(202)
                .extract().path("id");

        JsonPath job = awaitEnd(scoped, id);
        assertThat(job.getLong("errors")).isEqualTo(1);
        assertThat(recorded(prefix)).isZero();
        assertThat(given().header("Authorization", scoped).get(JOBS + "/{id}/errors", id).asString())
                .contains("\r\n1,").contains(",403,");
    }

    private UUID insertJob(String state, String submitter, String submittedAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("insert into import_job (id, state, "
                + "format, file_bytes, sha256, submitted_by, unit_scope, submitted_at, started_at, finished_at, "
                + "lease_owner, lease_until) values (:id, :state, 'csv', 1, 'x', :by, '*', cast(:at as timestamptz), "
                + "case when :state <> 'QUEUED' then now() end, case when :state = 'COMPLETED' then now() end, "
                + "case when :state = 'RUNNING' then 'live-worker' end, case when :state = 'RUNNING' then now() + "
                + "interval '1 hour' end)")
                .setParameter("id", id).setParameter("state", state).setParameter("by", submitter)
                .setParameter("at", submittedAt).executeUpdate());
        return id;
    }

    private long jobsOf(String submitter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(
                "select count(*) from import_job where submitted_by = :s").setParameter("s", submitter)
                .getSingleResult()).longValue());
    }

    private static JsonPath awaitEnd(String token, String id) {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(
                () -> given().header("Authorization", token).get(JOBS + "/{id}", id).then().statusCode(200)
                        .extract().jsonPath(),
                job -> !job.getString("state").equals("QUEUED") && !job.getString("state").equals("RUNNING"));
    }

    private long recorded(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> completions.count("externalId like ?1", prefix + "%"));
    }

    private static Response submit(String token, String type, String body, String format) {
        var request = given().header("Authorization", token).contentType(type)
                .body(body.getBytes(StandardCharsets.UTF_8));
        if (format != null) {
            request.queryParam("format", format);
        }
        return request.post(JOBS);
    }

    /** A writer for all units, each a client of its own so that no test spends another's allowance. */
    private static String writer(String subject) {
        return TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(Access.ALL_UNITS)
                .client(subject + "-" + UUID.randomUUID()).subject(subject));
    }

    private static String row(String nip, String externalId) {
        return nip + ",Pelatihan Analisis Kebijakan,3,TEKNIS,LURING,BPSDMD,2026-03-02,2026-03-05,24,test-lms,"
                + externalId + "\n";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A completion as one JSON line. */
    private static final class TestDataLines {
        static String of(String nip, String externalId) {
            return org.jpledger.training.TestData.completionJson(nip, externalId).replace("\n", " ");
        }
    }
}

package org.jpledger.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.events.CloudEvent;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Sql;
import org.jpledger.reporting.projection.ProjectionLock;
import org.junit.jupiter.api.Test;

/**
 * The parked events admin API. Parked rows are arranged straight in the database, as the consumer would have parked
 * them (an event of a type an older version could not read, say), on a topic the consumer does not read.
 */
@QuarkusTest
class ParkedEventAdminTest {

    private static final String LIST = "/api/v1/admin/parked";
    private static final String RETRY = "/api/v1/admin/parked/{id}/retry";
    private static final String RETRY_ALL = "/api/v1/admin/parked/retry";
    private static final String TOPIC = "parked-test";
    private static final AtomicLong NEXT_OFFSET = new AtomicLong();
    private static final String GARBAGE = "this is not an event {";
    private static final String REFUSED_UNIT_NAME = "Ditolak oleh tes";
    private static final int YEAR = 2025;
    private static final Instant EVENT_TIME = Instant.parse("2020-04-01T00:00:00Z");
    private static final OffsetDateTime EVENT_TIME_VALUE = EVENT_TIME.atOffset(ZoneOffset.UTC);
    private static final OffsetDateTime OLDER_EVENT_TIME = EVENT_TIME_VALUE.minusYears(1);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Test
    void listsParkedEventsNewestFirstPageByPageWithTheirValues() {
        long text = park("198503122010012001", "{\"unit\":\"Dinas Pendidikan – Bidang SMA\"}".getBytes(StandardCharsets.UTF_8));
        long latin1 = park(null, "Kafé".getBytes(StandardCharsets.ISO_8859_1));
        long empty = park("BKD", null);

        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 1_000; page++) {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath answer = request.when().get(LIST).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = answer.getList("items");
            assertThat(items).hasSizeLessThanOrEqualTo(2);
            all.addAll(items);
            cursor = answer.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }

        List<Long> ids = all.stream().map(item -> ((Number) item.get("id")).longValue()).toList();
        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(ids).containsSubsequence(empty, latin1, text);
        assertThat(item(all, text)).containsEntry("topic", TOPIC)
                .containsEntry("key", "198503122010012001")
                .containsEntry("value", "{\"unit\":\"Dinas Pendidikan – Bidang SMA\"}")
                .containsEntry("valueEncoding", "UTF8")
                .containsEntry("reason", "not a CloudEvents JSON envelope")
                .containsEntry("retryCount", 0)
                .containsEntry("lastRetryAt", null)
                .containsKeys("partition", "offset", "parkedAt");
        assertThat(item(all, latin1)).containsEntry("value", "S2Fm6Q==").containsEntry("valueEncoding", "BASE64")
                .containsEntry("key", null);
        assertThat(item(all, empty)).containsEntry("value", null).containsEntry("valueEncoding", null);
    }

    @Test
    void listsTheNewestPageWithoutCursor() {
        long newest = park("BKD", GARBAGE.getBytes(StandardCharsets.UTF_8));

        given().queryParam("limit", 1).when().get(LIST)
                .then().statusCode(200)
                .body("items.id", contains((int) newest))
                .body("nextCursor", notNullValue());
    }

    @Test
    void refusesALimitOutsideOneToFiveHundred() {
        for (String limit : List.of("0", "501")) {
            given().queryParam("limit", limit).when().get(LIST)
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("errors.field", contains("limit"))
                    .body("errors.reason", contains("must be a whole number from 1 to 500"));
        }
        given().queryParam("limit", "ten").when().get(LIST)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", contains("limit"));
    }

    @Test
    void refusesACursorItDidNotMake() {
        given().queryParam("cursor", "not-a-cursor").when().get(LIST)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("cursor"))
                .body("errors.reason", contains("is not a cursor from an earlier page of this listing"));
    }

    @Test
    void retryAppliesAnEventThatCanNowBeReadAndUnparksIt() {
        String nip = freshNip();
        long id = park(nip, employeeEvent(nip, "Ratna Sari", 1));

        retry(id).statusCode(200)
                .body("id", equalTo((int) id))
                .body("outcome", equalTo("APPLIED"))
                .body("reason", nullValue())
                .body("retryCount", equalTo(1))
                .body("retriedAt", notNullValue());

        Compliance.of(nip, YEAR).statusCode(200).body("name", equalTo("Ratna Sari"));
        assertThat(parkedColumn(id, "id")).isEmpty();
    }

    @Test
    void retryOfAnEventOlderThanTheStoredStateChangesNothingAndUnparksIt() {
        String nip = freshNip();
        try (LedgerEvents events = new LedgerEvents(bootstrapServers, mapper)) {
            events.employee(nip, "Budi Santoso", 2);
        }
        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("name", equalTo("Budi Santoso")));
        long stale = park(nip, employeeEvent(nip, "Budi", 1));

        retry(stale).statusCode(200).body("outcome", equalTo("IGNORED"));

        Compliance.of(nip, YEAR).statusCode(200).body("name", equalTo("Budi Santoso"));
        assertThat(parkedColumn(stale, "id")).isEmpty();
    }

    @Test
    void retryKeepsAnUnreadableEventParkedWithTheNewReasonAndCountsTheRetries() {
        long id = park("BKD", GARBAGE.getBytes(StandardCharsets.UTF_8));

        retry(id).statusCode(200).body("outcome", equalTo("STILL_PARKED")).body("retryCount", equalTo(1));
        retry(id).statusCode(200)
                .body("outcome", equalTo("STILL_PARKED"))
                .body("reason", startsWith("not a CloudEvents JSON envelope: "))
                .body("retryCount", equalTo(2));

        assertThat(parkedColumn(id, "retry_count")).contains("2");
        assertThat(parkedColumn(id, "reason")).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("not a CloudEvents JSON envelope: "));
        assertThat(parkedColumn(id, "last_retry_at")).isPresent();
    }

    @Test
    void retryKeepsAnEventTheDatabaseRefusesParkedWithTheDatabasesReason() {
        String code = "UNIT-" + UUID.randomUUID();
        long id = park(code, unitEvent(code, REFUSED_UNIT_NAME));
        try (AutoCloseable trigger = refuseUnitsNamed(REFUSED_UNIT_NAME)) {
            retry(id).statusCode(200)
                    .body("outcome", equalTo("STILL_PARKED"))
                    .body("reason", equalTo("could not be applied: ERROR: refused by test"))
                    .body("retryCount", equalTo(1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(parkedColumn(id, "reason")).contains("could not be applied: ERROR: refused by test");

        retry(id).statusCode(200).body("outcome", equalTo("APPLIED")).body("retryCount", equalTo(2));
        assertThat(Sql.single(dataSource, "SELECT name FROM unit WHERE code = ?", code)).contains(REFUSED_UNIT_NAME);
    }

    @Test
    void retryOfAnIdNotParkedIsNotFound() {
        retry(Long.MAX_VALUE).statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404))
                .body("detail", containsString("No parked event has id " + Long.MAX_VALUE));
    }

    @Test
    void retryOfAnIdThatIsNotANumberIsABadRequest() {
        given().when().post(RETRY, "seventeen")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("id"))
                .body("errors.reason", contains("must be a whole number"));
    }

    @Test
    void retryWaitsForTheConsumersBatchesInFlight() throws Exception {
        String nip = freshNip();
        long id = park(nip, employeeEvent(nip, "Joko Susilo", 1));
        CompletableFuture<Integer> answer;
        try (AutoCloseable batch = Sql.holdAdvisoryLock(dataSource, "pg_advisory_xact_lock_shared", ProjectionLock.KEY)) {
            answer = CompletableFuture.supplyAsync(() -> retry(id).extract().statusCode());
            Thread.sleep(Duration.ofSeconds(1).toMillis());

            assertThat(answer).isNotDone();
        }

        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        Compliance.of(nip, YEAR).statusCode(200).body("name", equalTo("Joko Susilo"));
    }

    @Test
    void retryAllAppliesWhatItCanPageByPageAndKeepsTheRestParked() throws Exception {
        // Five events over pages of two (the test page size), whichever rows parked before them shift the pages:
        // the refused one always shares its page with an event that applies.
        String first = freshNip();
        String second = freshNip();
        String third = freshNip();
        String refusedCode = "UNIT-" + UUID.randomUUID();
        long applies1 = park(first, employeeEvent(first, "Agus Salim", 1));
        long applies2 = park(second, employeeEvent(second, "Dewi Sartika", 1));
        long refused = park(refusedCode, unitEvent(refusedCode, REFUSED_UNIT_NAME));
        long applies3 = park(third, employeeEvent(third, "Kartini", 1));
        long unreadable = park("BKD", GARBAGE.getBytes(StandardCharsets.UTF_8));

        try (AutoCloseable trigger = refuseUnitsNamed(REFUSED_UNIT_NAME)) {
            given().when().post(RETRY_ALL)
                    .then().statusCode(200)
                    .body("retried", greaterThanOrEqualTo(5))
                    .body("applied", greaterThanOrEqualTo(3))
                    .body("stillParked", greaterThanOrEqualTo(2));
        }

        Compliance.of(first, YEAR).statusCode(200).body("name", equalTo("Agus Salim"));
        Compliance.of(second, YEAR).statusCode(200).body("name", equalTo("Dewi Sartika"));
        Compliance.of(third, YEAR).statusCode(200).body("name", equalTo("Kartini"));
        for (long applied : List.of(applies1, applies2, applies3)) {
            assertThat(parkedColumn(applied, "id")).as("parked row %d", applied).isEmpty();
        }
        assertThat(parkedColumn(refused, "retry_count")).contains("1");
        assertThat(parkedColumn(refused, "reason")).contains("could not be applied: ERROR: refused by test");
        assertThat(parkedColumn(unreadable, "retry_count")).contains("1");
    }

    @Test
    void retryAllLeavesEventsParkedWhileItRunsForTheNextCall() throws Exception {
        long parkedBefore = park("BKD", GARBAGE.getBytes(StandardCharsets.UTF_8));
        long parkedDuring;
        CompletableFuture<Integer> answer;
        // A consumer batch in flight holds the retry back after it has looked up what is parked.
        try (AutoCloseable batch = Sql.holdAdvisoryLock(dataSource, "pg_advisory_xact_lock_shared", ProjectionLock.KEY)) {
            answer = CompletableFuture.supplyAsync(() -> given().when().post(RETRY_ALL).then().extract().statusCode());
            Thread.sleep(Duration.ofSeconds(1).toMillis());
            parkedDuring = park("BKD", GARBAGE.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(parkedColumn(parkedBefore, "retry_count")).contains("1");
        assertThat(parkedColumn(parkedDuring, "retry_count")).contains("0");
    }

    @Test
    void retryCountsTheTimeOfAnAppliedEventForItsPartition() {
        Sql.execute(dataSource, "INSERT INTO consumer_offset (topic, partition, next_offset, updated_at, last_event_time)"
                + " VALUES (?, 0, 0, now(), ?) ON CONFLICT (topic, partition) DO UPDATE SET last_event_time = ?", TOPIC,
                OLDER_EVENT_TIME, OLDER_EVENT_TIME);
        String nip = freshNip();
        long id = park(nip, employeeEvent(nip, "Wahyu Nugroho", 1));

        retry(id).statusCode(200).body("outcome", equalTo("APPLIED"));

        assertThat(Sql.single(dataSource, "SELECT last_event_time = ? FROM consumer_offset WHERE topic = ?"
                + " AND partition = 0", EVENT_TIME_VALUE, TOPIC)).contains("t");
    }

    private ValidatableResponse retry(long id) {
        return given().when().post(RETRY, id).then();
    }

    private static Map<String, Object> item(List<Map<String, Object>> items, long id) {
        return items.stream().filter(item -> ((Number) item.get("id")).longValue() == id).findFirst().orElseThrow();
    }

    /** Parks a record on the test topic as the consumer would, with the reason the consumer gave for unreadable bytes. */
    private long park(String key, byte[] value) {
        return Long.parseLong(Sql.single(dataSource, "INSERT INTO parked_event (topic, partition, record_offset,"
                + " record_key, record_value, reason, parked_at) VALUES (?, 0, ?, ?, ?, ?, now()) RETURNING id",
                TOPIC, NEXT_OFFSET.getAndIncrement(), key, value, "not a CloudEvents JSON envelope").orElseThrow());
    }

    private Optional<String> parkedColumn(long id, String column) {
        return Sql.single(dataSource, "SELECT " + column + "::text FROM parked_event WHERE id = ?", id);
    }

    private byte[] employeeEvent(String nip, String name, long version) {
        return event(EventTypes.EMPLOYEE_UPSERTED_V1, nip, new EmployeeUpserted(nip, name, EmploymentType.PNS,
                PositionLevel.PELAKSANA, "BKD-JATENG", LocalDate.of(2010, 1, 1), null, version, null));
    }

    private byte[] unitEvent(String code, String name) {
        return event(EventTypes.UNIT_UPSERTED_V1, code, new UnitUpserted(code, name, null, 1));
    }

    private byte[] event(String type, String subject, Object payload) {
        try {
            return mapper.writeValueAsBytes(CloudEvent.of(UUID.randomUUID().toString(), LedgerEvents.SOURCE, type,
                    subject, EVENT_TIME, payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the database refuse to store a unit of this name until closed, as a broken disk or constraint would. */
    private AutoCloseable refuseUnitsNamed(String name) {
        Sql.execute(dataSource, """
                CREATE OR REPLACE FUNCTION refuse_test_unit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.name = '%s' THEN
                        RAISE EXCEPTION 'refused by test';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(name));
        Sql.execute(dataSource, "CREATE TRIGGER refuse_test_unit BEFORE INSERT OR UPDATE ON unit"
                + " FOR EACH ROW EXECUTE FUNCTION refuse_test_unit()");
        return () -> {
            Sql.execute(dataSource, "DROP TRIGGER refuse_test_unit ON unit");
            Sql.execute(dataSource, "DROP FUNCTION refuse_test_unit()");
        };
    }
}

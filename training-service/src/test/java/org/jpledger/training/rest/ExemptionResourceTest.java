package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.freshUnit;
import static org.jpledger.training.TestData.unitJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.reference.ExemptionKind;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.outbox.OutboxEvent;
import org.jpledger.training.outbox.OutboxRepository;
import org.jpledger.training.service.ExemptionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exemption periods: recorded, listed oldest first with their labels, deleted as history; each change a new version of
 * the employee published with the exemptions in force; bad dates, overlaps, the limit, roles and scope refused.
 */
@QuarkusTest
class ExemptionResourceTest {

    private static final String TUGAS_BELAJAR_2025 = exemption("TUGAS_BELAJAR", "2025-01-01", "2025-12-31");

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    private String unit;
    private String nip;

    @BeforeEach
    void employeeInAUnit() {
        unit = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Dinas Pendidikan", null)).put("/api/v1/units/{c}", unit)
                .then().statusCode(201);
        nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unit)).put("/api/v1/employees/{nip}", nip)
                .then().statusCode(201);
    }

    @Test
    void recordsAnExemptionWithItsIdLocationAndLabel() {
        Response created = record(TUGAS_BELAJAR_2025);

        created.then().statusCode(201)
                .body("id", notNullValue())
                .body("kind", equalTo("TUGAS_BELAJAR"))
                .body("kindLabel", equalTo("Tugas belajar"))
                .body("from", equalTo("2025-01-01"))
                .body("until", equalTo("2025-12-31"))
                .body("reference", equalTo("800/1234/BKD/2025"))
                .body("recordedBy", notNullValue())
                .body("deletedAt", nullValue());
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/employees/" + nip + "/exemptions/" + id);
        given().get(created.header("Location")).then().statusCode(200).body("id", equalTo(id));
        given().get("/api/v1/employees/{nip}", nip).then().body("version", equalTo(2));
    }

    @Test
    void listsTheExemptionsInForceOldestFirstWithTheirLabels() {
        record(exemption("CUTI_MELAHIRKAN", "2024-02-01", "2024-04-30")).then().statusCode(201);
        record(exemption("CLTN", "2026-01-01", null)).then().statusCode(201);
        record(exemption("CUTI_BESAR", "2022-03-01", "2022-05-31")).then().statusCode(201);

        given().get("/api/v1/employees/{nip}/exemptions", nip).then().statusCode(200)
                .body("kind", contains("CUTI_BESAR", "CUTI_MELAHIRKAN", "CLTN"))
                .body("kindLabel", contains("Cuti besar", "Cuti melahirkan", "Cuti di luar tanggungan negara"))
                .body("[2].until", nullValue());
    }

    @Test
    void deletesAnExemptionAsHistoryAndNoLongerListsIt() {
        String id = record(TUGAS_BELAJAR_2025).path("id");

        given().delete("/api/v1/employees/{nip}/exemptions/{id}", nip, id).then().statusCode(204);

        given().get("/api/v1/employees/{nip}/exemptions", nip).then().statusCode(200).body("$", empty());
        given().queryParam("includeDeleted", "true").get("/api/v1/employees/{nip}/exemptions", nip)
                .then().statusCode(200).body("id", contains(id)).body("[0].deletedAt", notNullValue())
                .body("[0].deletedBy", notNullValue());
        given().get("/api/v1/employees/{nip}", nip).then().body("version", equalTo(3));
        given().delete("/api/v1/employees/{nip}/exemptions/{id}", nip, id).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        // Deleted, its days are free again.
        record(TUGAS_BELAJAR_2025).then().statusCode(201);
    }

    @Test
    void publishesTheEmployeeWithTheExemptionsInForceOnEachChange() throws Exception {
        String first = record(TUGAS_BELAJAR_2025).path("id");
        JsonNode recorded = lastEvent();
        assertThat(recorded.at("/type").asText()).isEqualTo(EventTypes.EMPLOYEE_UPSERTED_V1);
        assertThat(recorded.at("/data/version").asLong()).isEqualTo(2);
        assertThat(recorded.at("/data/exemptions/0/id").asText()).isEqualTo(first);
        assertThat(recorded.at("/data/exemptions/0/kind").asText()).isEqualTo("TUGAS_BELAJAR");
        assertThat(recorded.at("/data/exemptions/0/from").asText()).isEqualTo("2025-01-01");
        assertThat(recorded.at("/data/exemptions/0/until").asText()).isEqualTo("2025-12-31");
        assertThat(recorded.at("/data/exemptions/0/reference").asText()).isEqualTo("800/1234/BKD/2025");

        String second = record(exemption("CLTN", "2026-02-01", null)).path("id");
        given().delete("/api/v1/employees/{nip}/exemptions/{id}", nip, first).then().statusCode(204);

        JsonNode deleted = lastEvent();
        assertThat(deleted.at("/data/version").asLong()).isEqualTo(4);
        assertThat(deleted.at("/data/exemptions")).hasSize(1);
        assertThat(deleted.at("/data/exemptions/0/id").asText()).isEqualTo(second);
        assertThat(deleted.at("/data/exemptions/0/until").isNull()).isTrue();
    }

    @Test
    void refusesUntilBeforeFromAndChangesNothing() {
        long events = eventsOfEmployee();

        record(exemption("CUTI_BESAR", "2025-06-01", "2025-05-31")).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors.field", contains("until"));

        assertUnchanged(events);
    }

    @Test
    void refusesAFromOutsideTheEmployeesService() {
        record(exemption("CUTI_BESAR", "2009-12-31", "2010-03-31")).then().statusCode(400)
                .body("errors.field", contains("from")).body("errors[0].reason", containsString("2010-01-01"));

        given().contentType(ContentType.JSON)
                .body(employeeJson(unit).replace("}", ",\"employedUntil\":\"2024-12-31\"}"))
                .put("/api/v1/employees/{nip}", nip).then().statusCode(200);
        long events = eventsOfEmployee();
        record(TUGAS_BELAJAR_2025).then().statusCode(400).body("errors.field", contains("from"))
                .body("errors[0].reason", containsString("2024-12-31"));
        assertThat(eventsOfEmployee()).isEqualTo(events);
    }

    @Test
    void refusesAnOverlapNamingTheOtherExemptionAndItsDates() {
        String id = record(TUGAS_BELAJAR_2025).path("id");
        long events = eventsOfEmployee();

        record(exemption("CUTI_SAKIT_PANJANG", "2025-12-31", "2026-03-31")).then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString(id)).body("detail", containsString("2025-01-01"))
                .body("detail", containsString("2025-12-31"));
        record(exemption("CUTI_SAKIT_PANJANG", "2024-01-01", null)).then().statusCode(409)
                .body("detail", containsString(id));

        assertThat(eventsOfEmployee()).isEqualTo(events);
        record(exemption("CUTI_SAKIT_PANJANG", "2026-01-01", "2026-03-31")).then().statusCode(201);
    }

    @Test
    void anOpenEndedExemptionOverlapsEverythingAfterItsStart() {
        String open = record(exemption("PEMBERHENTIAN_SEMENTARA", "2025-07-01", null)).path("id");

        record(exemption("CUTI_BESAR", "2030-01-01", "2030-02-28")).then().statusCode(409)
                .body("detail", containsString(open)).body("detail", containsString("open-ended"));
        record(exemption("CUTI_BESAR", "2025-01-01", "2025-06-30")).then().statusCode(201);
    }

    @Test
    void refusesAnUnknownKindNamingIt() {
        record(exemption("CUTI_TAHUNAN", "2025-01-01", "2025-01-10")).then().statusCode(400)
                .body("errors.field", hasItem("kind"));
    }

    @Test
    void refusesTheExemptionAfterTheLimitDeletedOnesIncluded() {
        LocalDate day = LocalDate.of(2011, 1, 1);
        for (int i = 0; i < ExemptionService.MAX_PER_EMPLOYEE; i++) {
            String id = record(exemption("CUTI_BESAR", day.plusDays(i).toString(), day.plusDays(i).toString()))
                    .then().statusCode(201).extract().path("id");
            if (i == 0) {
                given().delete("/api/v1/employees/{nip}/exemptions/{id}", nip, id).then().statusCode(204);
            }
        }
        long events = eventsOfEmployee();

        record(TUGAS_BELAJAR_2025).then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString(String.valueOf(ExemptionService.MAX_PER_EMPLOYEE)));

        assertThat(eventsOfEmployee()).isEqualTo(events);
        given().queryParam("includeDeleted", "true").get("/api/v1/employees/{nip}/exemptions", nip)
                .then().body("size()", equalTo(ExemptionService.MAX_PER_EMPLOYEE));
    }

    @Test
    void answersAnUnknownExemptionOrAnotherEmployeesAs404() {
        String other = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unit)).put("/api/v1/employees/{nip}", other)
                .then().statusCode(201);
        String othersExemption = given().contentType(ContentType.JSON).body(TUGAS_BELAJAR_2025)
                .post("/api/v1/employees/{nip}/exemptions", other).then().statusCode(201).extract().path("id");

        given().delete("/api/v1/employees/{nip}/exemptions/{id}", nip, othersExemption).then().statusCode(404);
        given().get("/api/v1/employees/{nip}/exemptions/{id}", nip, othersExemption).then().statusCode(404);
        given().delete("/api/v1/employees/{nip}/exemptions/{id}", nip, "00000000-0000-4000-8000-000000000000")
                .then().statusCode(404);
        given().get("/api/v1/employees/{nip}/exemptions/{id}", other, othersExemption).then().statusCode(200);
    }

    @Test
    void letsOnlyRosterAdminsWriteAndReadersRead() {
        String writer = TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(unit));
        String reader = TestTokens.bearer(Token.withRoles(Access.TRAINING_READER).units(unit));
        String admin = TestTokens.bearer(Token.withRoles(Access.ROSTER_ADMIN).units(unit));

        given().header("Authorization", writer).contentType(ContentType.JSON).body(TUGAS_BELAJAR_2025)
                .post("/api/v1/employees/{nip}/exemptions", nip).then().statusCode(403);
        String id = given().header("Authorization", admin).contentType(ContentType.JSON).body(TUGAS_BELAJAR_2025)
                .post("/api/v1/employees/{nip}/exemptions", nip).then().statusCode(201).extract().path("id");
        given().header("Authorization", reader).get("/api/v1/employees/{nip}/exemptions", nip)
                .then().statusCode(200).body("id", contains(id));
        given().header("Authorization", writer).get("/api/v1/employees/{nip}/exemptions", nip)
                .then().statusCode(200);
        given().header("Authorization", reader).delete("/api/v1/employees/{nip}/exemptions/{id}", nip, id)
                .then().statusCode(403);
        given().header("Authorization", admin).delete("/api/v1/employees/{nip}/exemptions/{id}", nip, id)
                .then().statusCode(204);
    }

    @Test
    void answersAnEmployeeOutsideTheTokensUnitsExactlyAsAnUnknownOne() {
        String id = record(TUGAS_BELAJAR_2025).path("id");
        String elsewhere = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Dinas Lain", null)).put("/api/v1/units/{c}", elsewhere)
                .then().statusCode(201);
        String outsider = TestTokens.bearer(Token.withRoles(Access.ROSTER_ADMIN, Access.TRAINING_READER)
                .units(elsewhere));
        String unknown = freshNip();

        for (String target : List.of(nip, unknown)) {
            Response post = given().header("Authorization", outsider).contentType(ContentType.JSON)
                    .body(exemption("CUTI_BESAR", "2027-01-01", "2027-02-28"))
                    .post("/api/v1/employees/{nip}/exemptions", target);
            Response list = given().header("Authorization", outsider).get("/api/v1/employees/{nip}/exemptions", target);
            Response delete = given().header("Authorization", outsider)
                    .delete("/api/v1/employees/{nip}/exemptions/{id}", target, id);
            for (Response answer : List.of(post, list, delete)) {
                answer.then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                        .body("detail", equalTo("No employee with this NIP in the units your token names."));
            }
        }
        given().get("/api/v1/employees/{nip}/exemptions", nip).then().body("id", contains(id));
    }

    @Test
    void writesEveryChangeToTheAuditLog() {
        String id = record(TUGAS_BELAJAR_2025).path("id");
        given().delete("/api/v1/employees/{nip}/exemptions/{id}", nip, id).then().statusCode(204);
        String auditor = TestTokens.bearer(Token.withRoles(Access.ADMIN));

        List<Map<String, Object>> entries = await().atMost(Duration.ofSeconds(10)).until(
                () -> given().header("Authorization", auditor).queryParam("target", id).get("/api/v1/admin/audit")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("entries"),
                found -> found.size() >= 2);

        assertThat(entries).extracting(e -> e.get("action"))
                .containsExactlyInAnyOrder("employee.exemption.record", "employee.exemption.delete");
        assertThat(entries).allSatisfy(e -> assertThat(e).containsEntry("targetNip", nip)
                .containsEntry("outcome", "done"));
    }

    @Test
    void describesEveryKindWithItsLabelInTheApiDocuments() {
        String kind = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
                .path("components.schemas.ExemptionResponse.properties.kind.description");
        for (ExemptionKind k : ExemptionKind.values()) {
            assertThat(kind).contains(k.name() + " (" + k.label() + ")");
        }
    }

    private Response record(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/employees/{nip}/exemptions", nip);
    }

    private static String exemption(String kind, String from, String until) {
        return until == null
                ? """
                  {"kind":"%s","from":"%s","reference":"800/1234/BKD/2025"}""".formatted(kind, from)
                : """
                  {"kind":"%s","from":"%s","until":"%s","reference":"800/1234/BKD/2025"}""".formatted(kind, from,
                        until);
    }

    private void assertUnchanged(long events) {
        assertThat(eventsOfEmployee()).isEqualTo(events);
        given().get("/api/v1/employees/{nip}", nip).then().body("version", equalTo(1));
        given().queryParam("includeDeleted", "true").get("/api/v1/employees/{nip}/exemptions", nip)
                .then().body("$", empty());
    }

    private JsonNode lastEvent() throws Exception {
        OutboxEvent last = QuarkusTransaction.requiringNew()
                .call(() -> outbox.find("messageKey = ?1 order by id desc", nip).firstResult());
        return mapper.readTree(last.payload);
    }

    private long eventsOfEmployee() {
        return QuarkusTransaction.requiringNew().call(() -> outbox.count("messageKey", nip));
    }
}

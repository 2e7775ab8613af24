package org.jpledger.reporting.closing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.reporting.LedgerEvents.completionOf;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.TestClock;
import org.jpledger.reporting.closing.SnapshotRater.EmployeeRow;
import org.jpledger.reporting.closing.SnapshotRater.Row;
import org.jpledger.reporting.closing.SnapshotRater.UnitSnapshotRow;
import org.jpledger.reporting.projection.ComplianceRepository;
import org.jpledger.reporting.projection.ComplianceRepository.YearPolicies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A snapshot rated in a few set-based queries answers, row by row, as the compliance API answers each employee and unit
 * of the scope (but for asOf). The tree: ROOT with MID above LEAF; employees in each, one of them short of the target.
 */
@QuarkusTest
class SnapshotRaterTest {

    private static final int YEAR = 2025;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    SnapshotRater rater;

    @Inject
    ComplianceRepository compliance;

    private LedgerEvents events;
    private Projections projections;
    private String root;
    private String mid;
    private String leaf;
    private final List<String> nips = new ArrayList<>();

    @BeforeEach
    void buildTheTree() {
        events = new LedgerEvents(bootstrapServers, mapper);
        projections = new Projections(dataSource);
        clock.setJakarta(LocalDateTime.of(2026, 2, 3, 9, 0));
        String run = UUID.randomUUID().toString().substring(0, 8);
        root = "SNAP-" + run;
        mid = "SNAPM-" + run;
        leaf = "SNAPL-" + run;
        events.unit(root, "Provinsi " + run, 1);
        events.unit(mid, "Dinas " + run, root, 1);
        projections.awaitHandled(events.unit(leaf, "Bidang " + run, mid, 1));
        nips.add(employee(root, "Ahmad", "25"));
        nips.add(employee(mid, "Budi", "3"));
        nips.add(employee(leaf, "Citra", "21.5"));
        nips.add(employee(leaf, "Dewi", null));
    }

    @AfterEach
    void disconnect() {
        clock.reset();
        events.close();
    }

    @Test
    void ratesEachEmployeeAndUnitOfASubtreeAsTheComplianceApiAnswersThem() throws Exception {
        List<Row> rows = rate(mid);

        List<EmployeeRow> employees = rows.stream().filter(EmployeeRow.class::isInstance).map(EmployeeRow.class::cast)
                .toList();
        assertThat(employees).extracting(EmployeeRow::nip).containsExactlyElementsOf(nips.subList(1, 4).stream()
                .sorted().toList());
        for (EmployeeRow row : employees) {
            String live = Compliance.of(row.nip(), YEAR).statusCode(200).extract().asString();
            assertThat(json(row.answer())).isEqualTo(withoutAsOf(live));
        }
        List<UnitSnapshotRow> units = rows.stream().filter(UnitSnapshotRow.class::isInstance)
                .map(UnitSnapshotRow.class::cast).toList();
        assertThat(units).extracting(UnitSnapshotRow::unitCode).containsExactly("", leaf, mid);
        for (UnitSnapshotRow row : units.subList(1, units.size())) {
            String live = Compliance.request().queryParam("year", YEAR).get("/api/v1/compliance/units/{code}",
                    row.unitCode()).then().statusCode(200).extract().asString();
            assertThat(json(row.answer())).isEqualTo(withoutAsOf(live));
        }
        JsonNode total = json(units.get(0).answer());
        assertThat(total.path("figures")).isEqualTo(json(units.get(2).answer()).path("unit").path("figures"));
        assertThat(total.path("figures").path("headcount").asInt()).isEqualTo(3);
        assertThat(total.path("figures").path("notMet").asInt()).isEqualTo(2);
    }

    @Test
    void ratesTheWholeOrganisationWithEveryUnitAndTheOrganisationsTotal() throws Exception {
        List<Row> rows = rate(null);

        List<String> codes = rows.stream().filter(UnitSnapshotRow.class::isInstance)
                .map(row -> ((UnitSnapshotRow) row).unitCode()).toList();
        assertThat(codes).contains("", root, mid, leaf);
        assertThat(codes.get(0)).isEmpty();
        List<String> employeeNips = rows.stream().filter(EmployeeRow.class::isInstance)
                .map(row -> ((EmployeeRow) row).nip()).toList();
        assertThat(employeeNips).containsAll(nips).isSorted();
        UnitSnapshotRow total = (UnitSnapshotRow) rows.stream().filter(row -> row instanceof UnitSnapshotRow u
                && u.unitCode().isEmpty()).findFirst().orElseThrow();
        String live = Compliance.request().queryParam("year", YEAR).get("/api/v1/compliance/summary").then()
                .statusCode(200).extract().asString();
        assertThat(json(total.answer())).isEqualTo(withoutAsOf(live));
    }

    private List<Row> rate(String rootCode) {
        List<Row> rows = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            YearPolicies policies = compliance.policiesOf(YEAR);
            rater.rate(YEAR, rootCode, LocalDate.of(YEAR, 12, 31), policies.policies(), policies.governing(),
                    rows::add);
        });
        return rows;
    }

    private JsonNode json(Object answer) throws Exception {
        return withoutAsOf(mapper.writeValueAsString(answer));
    }

    private JsonNode withoutAsOf(String text) throws Exception {
        ObjectNode node = (ObjectNode) mapper.readTree(text);
        node.remove("asOf");
        return node;
    }

    private String employee(String unit, String name, String jp) {
        String nip = freshNip();
        RecordMetadata last = events.employee(new EmployeeUpserted(nip, name, EmploymentType.PNS,
                PositionLevel.PELAKSANA, unit, LocalDate.of(2010, 1, 1), null, 1,
                List.of(new UnitAssignment(unit, LocalDate.of(2010, 1, 1)))));
        if (jp != null) {
            last = events.completion(completionOf(nip, jp, LocalDate.of(YEAR, 4, 1), CompetencyType.TEKNIS,
                    TrainingMethod.KLASIKAL, DeliveryMode.LURING));
        }
        projections.awaitHandled(last);
        return nip;
    }
}

package org.jpledger.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Sql;
import org.junit.jupiter.api.Test;

/** The projector applied straight, several events in one transaction, as one poll batch of the consumer applies them. */
@QuarkusTest
class ComplianceProjectorTest {

    private static final LocalDate JOINED = LocalDate.of(2015, 1, 5);
    private static final LocalDate TRANSFERRED = LocalDate.of(2025, 3, 1);
    private static final LocalDate TRANSFERRED_AGAIN = LocalDate.of(2025, 9, 1);

    @Inject
    ComplianceProjector projector;

    @Inject
    DataSource dataSource;

    @Test
    void replacesTheUnitHistoryOfTwoVersionsOfAnEmployeeInOneBatchWhenTheyShareEntries() {
        String nip = LedgerEvents.freshNip();
        List<UnitAssignment> once = List.of(new UnitAssignment("BKD", JOINED), new UnitAssignment("DINKES", TRANSFERRED));
        List<UnitAssignment> twice = List.of(new UnitAssignment("BKD", JOINED), new UnitAssignment("DINKES", TRANSFERRED),
                new UnitAssignment("DISDIK", TRANSFERRED_AGAIN));

        QuarkusTransaction.requiringNew().run(() -> {
            projector.apply(employee(nip, 1, once));
            projector.apply(employee(nip, 2, twice));
        });

        assertThat(Sql.single(dataSource, "SELECT string_agg(unit_code, ',' ORDER BY effective_from) "
                + "FROM employee_unit_history WHERE nip = ?", nip)).contains("BKD,DINKES,DISDIK");
        assertThat(Sql.single(dataSource, "SELECT unit_code FROM employee_year WHERE nip = ? AND year = 2025", nip))
                .contains("DISDIK");
    }

    private static EmployeeUpserted employee(String nip, long version, List<UnitAssignment> history) {
        return new EmployeeUpserted(nip, "Rina Wulandari", EmploymentType.PNS, PositionLevel.PELAKSANA,
                history.get(history.size() - 1).unitCode(), JOINED, null, version, history);
    }
}

package org.jpledger.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.jpledger.contracts.events.UnitAssignment;

/**
 * Employees' unit histories, each replaced whole by the newest employee event. Plain SQL without managed entities:
 * one batch may replace an employee's history several times, and nothing here needs the session flushed first.
 */
@ApplicationScoped
public class UnitHistoryRepository {

    private final EntityManager entityManager;

    public UnitHistoryRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<UnitAssignment> of(String nip) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT unit_code, effective_from FROM "
                        + "employee_unit_history WHERE nip = ?1 ORDER BY effective_from")
                .setParameter(1, nip).setFlushMode(FlushModeType.COMMIT).getResultList();
        return rows.stream().map(row -> new UnitAssignment((String) row[0], date(row[1]))).toList();
    }

    public void replace(String nip, List<UnitAssignment> history) {
        entityManager.createNativeQuery("DELETE FROM employee_unit_history WHERE nip = ?1").setParameter(1, nip)
                .setFlushMode(FlushModeType.COMMIT).executeUpdate();
        for (UnitAssignment assignment : history) {
            entityManager.createNativeQuery("INSERT INTO employee_unit_history (nip, effective_from, unit_code) "
                            + "VALUES (?1, ?2, ?3)")
                    .setParameter(1, nip).setParameter(2, assignment.effectiveFrom())
                    .setParameter(3, assignment.unitCode()).setFlushMode(FlushModeType.COMMIT).executeUpdate();
        }
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}

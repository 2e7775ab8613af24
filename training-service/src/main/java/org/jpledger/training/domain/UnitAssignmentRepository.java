package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/** Employees' unit histories. */
@ApplicationScoped
public class UnitAssignmentRepository implements PanacheRepositoryBase<UnitAssignmentEntry, UnitAssignmentEntry.Key> {

    /** One employee's assignments, oldest first. */
    public List<UnitAssignmentEntry> historyOf(String nip) {
        return list("nip = ?1 order by effectiveFrom", nip);
    }

    // An assignment holds from its date until the next one's, and only while the employee is in service.
    private static final String ASSIGNED_ON_OR_AFTER = "SELECT DISTINCT a.nip FROM employee_unit_assignment a"
            + " JOIN employee e ON e.nip = a.nip"
            + " WHERE a.unit_code = ?1 AND (e.employed_until IS NULL OR e.employed_until >= ?2)"
            + " AND NOT EXISTS (SELECT 1 FROM employee_unit_assignment n WHERE n.nip = a.nip"
            + " AND n.effective_from > a.effective_from AND n.effective_from <= ?2)"
            + " ORDER BY a.nip LIMIT ?3";

    /** Up to {@code limit} NIPs of employees assigned to the unit on some day from {@code date} on, by NIP. */
    @SuppressWarnings("unchecked")
    public List<String> assignedOnOrAfter(String unitCode, LocalDate date, int limit) {
        return getEntityManager().createNativeQuery(ASSIGNED_ON_OR_AFTER).setParameter(1, unitCode)
                .setParameter(2, date).setParameter(3, limit).getResultList();
    }
}

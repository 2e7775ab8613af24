package org.jpledger.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jpledger.contracts.events.UnitAssignment;

/** Employees' unit histories, each replaced whole by the newest employee event. */
@ApplicationScoped
public class UnitHistoryRepository implements PanacheRepositoryBase<UnitAssignmentRow, UnitAssignmentRow.Key> {

    public List<UnitAssignment> of(String nip) {
        return list("nip = ?1 order by effectiveFrom", nip).stream()
                .map(row -> new UnitAssignment(row.unitCode, row.effectiveFrom)).toList();
    }

    public void replace(String nip, List<UnitAssignment> history) {
        // Removed one by one, not by a bulk delete: rows persisted earlier in this transaction (an older version of the
        // employee in the same poll batch) must leave the persistence context too, or re-adding an entry clashes.
        list("nip", nip).forEach(this::delete);
        getEntityManager().flush();
        for (UnitAssignment assignment : history) {
            UnitAssignmentRow row = new UnitAssignmentRow();
            row.nip = nip;
            row.effectiveFrom = assignment.effectiveFrom();
            row.unitCode = assignment.unitCode();
            persist(row);
        }
    }
}

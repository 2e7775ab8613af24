package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Employees' unit histories. */
@ApplicationScoped
public class UnitAssignmentRepository implements PanacheRepositoryBase<UnitAssignmentEntry, UnitAssignmentEntry.Key> {

    /** One employee's assignments, oldest first. */
    public List<UnitAssignmentEntry> historyOf(String nip) {
        return list("nip = ?1 order by effectiveFrom", nip);
    }
}

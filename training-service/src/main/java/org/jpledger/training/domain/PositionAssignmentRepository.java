package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Employees' position histories (employment type and position level over time). */
@ApplicationScoped
public class PositionAssignmentRepository
        implements PanacheRepositoryBase<PositionAssignmentEntry, PositionAssignmentEntry.Key> {

    /** One employee's positions, oldest first. */
    public List<PositionAssignmentEntry> historyOf(String nip) {
        return list("nip = ?1 order by effectiveFrom", nip);
    }
}

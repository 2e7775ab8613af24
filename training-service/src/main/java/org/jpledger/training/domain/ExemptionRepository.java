package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Employees' exemption periods, deleted ones included. */
@ApplicationScoped
public class ExemptionRepository implements PanacheRepositoryBase<Exemption, UUID> {

    /** One employee's exemptions not deleted, oldest first. */
    public List<Exemption> activeOf(String nip) {
        return list("nip = ?1 and deletedAt is null order by fromDate, recordedAt, id", nip);
    }

    /** One employee's exemptions, deleted ones too, oldest first. */
    public List<Exemption> allOf(String nip) {
        return list("nip = ?1 order by fromDate, recordedAt, id", nip);
    }

    /** How many exemptions the employee has, deleted ones too. */
    public long countOf(String nip) {
        return count("nip", nip);
    }
}

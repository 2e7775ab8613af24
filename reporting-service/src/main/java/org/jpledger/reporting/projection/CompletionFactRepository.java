package org.jpledger.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jpledger.contracts.reference.CompletionStatus;

/** Projected completion facts by completion id. */
@ApplicationScoped
public class CompletionFactRepository implements PanacheRepositoryBase<CompletionFact, UUID> {

    /**
     * Sums the active facts of one employee and year (voided ones never count); pending changes in this transaction are
     * flushed first, so they count.
     */
    public YearSums sumsFor(String nip, int year) {
        return getEntityManager()
                .createQuery("select new org.jpledger.reporting.projection.YearSums(count(c), sum(c.recognizedJp), "
                        + "max(c.endDate)) from CompletionFact c where c.nip = :nip and c.year = :year"
                        + " and c.status = :active", YearSums.class)
                .setParameter("nip", nip)
                .setParameter("year", year)
                .setParameter("active", CompletionStatus.ACTIVE)
                .getSingleResult();
    }
}

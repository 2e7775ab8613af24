package org.jpledger.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Projected completion facts by completion id. */
@ApplicationScoped
public class CompletionFactRepository implements PanacheRepositoryBase<CompletionFact, UUID> {

    /** Sums the facts of one employee and year; pending changes in this transaction are flushed first, so they count. */
    public YearSums sumsFor(String nip, int year) {
        return getEntityManager()
                .createQuery("select new org.jpledger.reporting.projection.YearSums(count(c), sum(c.recognizedJp), "
                        + "max(c.endDate)) from CompletionFact c where c.nip = :nip and c.year = :year", YearSums.class)
                .setParameter("nip", nip)
                .setParameter("year", year)
                .getSingleResult();
    }
}

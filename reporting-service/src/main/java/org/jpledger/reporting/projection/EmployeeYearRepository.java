package org.jpledger.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Employee-year rows by employee and year. */
@ApplicationScoped
public class EmployeeYearRepository implements PanacheRepositoryBase<EmployeeYear, EmployeeYear.Key> {

    /** The employees' rows as written to the database, by NIP (the caller has flushed the session). */
    public Map<String, List<EmployeeYear>> ofEmployees(Collection<String> nips) {
        if (nips.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("from EmployeeYear where nip in :nips", EmployeeYear.class)
                .setParameter("nips", nips).setFlushMode(FlushModeType.COMMIT).getResultStream()
                .collect(Collectors.groupingBy(row -> row.nip));
    }

    /** NIPs of employees in service during {@code year} who have no row for it yet (a year just begun). */
    @SuppressWarnings("unchecked")
    public List<String> employeesWithoutRow(int year, int limit) {
        return getEntityManager().createNativeQuery("SELECT e.nip FROM employee e WHERE e.employed_from <= ?1 "
                        + "AND (e.employed_until IS NULL OR e.employed_until >= ?2) AND NOT EXISTS "
                        + "(SELECT 1 FROM employee_year y WHERE y.nip = e.nip AND y.year = ?3) ORDER BY e.nip")
                .setParameter(1, LocalDate.of(year, 12, 31))
                .setParameter(2, LocalDate.of(year, 1, 1))
                .setParameter(3, year)
                .setMaxResults(limit)
                .getResultList();
    }
}

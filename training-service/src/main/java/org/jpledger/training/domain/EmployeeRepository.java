package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Employees by NIP. */
@ApplicationScoped
public class EmployeeRepository implements PanacheRepositoryBase<Employee, String> {

    /**
     * Loads an employee locked for update. Every write about one employee (its own changes and its completions) takes this
     * lock, so they commit, and are published, one after another in a single order.
     */
    public Optional<Employee> findForUpdate(String nip) {
        return findByIdOptional(nip, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Locks the employees of {@code nips} that exist, in NIP order with one statement: writes that lock several
     * employees this way cannot deadlock with each other. The locked employees stay in the persistence context, so a
     * later {@link #findForUpdate} of one of them needs no query.
     */
    public void lockAll(Collection<String> nips) {
        if (nips.isEmpty()) {
            return;
        }
        getEntityManager().createQuery("select e from Employee e where e.nip in :nips order by e.nip", Employee.class)
                .setParameter("nips", nips).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** The current unit of each of {@code nips} that names an employee, by NIP. */
    public Map<String, String> unitsOf(Collection<String> nips) {
        Map<String, String> units = new HashMap<>();
        getEntityManager().createQuery("select e.nip, e.unitCode from Employee e where e.nip in :nips", Object[].class)
                .setParameter("nips", nips).getResultList()
                .forEach(row -> units.put((String) row[0], (String) row[1]));
        return units;
    }
}

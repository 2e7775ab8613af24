package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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
}

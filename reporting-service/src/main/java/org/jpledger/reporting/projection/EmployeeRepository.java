package org.jpledger.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Projected employees by NIP. */
@ApplicationScoped
public class EmployeeRepository implements PanacheRepositoryBase<Employee, String> {
}

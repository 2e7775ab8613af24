package org.jpledger.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Yearly JP totals by employee and year. */
@ApplicationScoped
public class EmployeeYearTotalRepository implements PanacheRepositoryBase<EmployeeYearTotal, EmployeeYearTotal.Key> {
}

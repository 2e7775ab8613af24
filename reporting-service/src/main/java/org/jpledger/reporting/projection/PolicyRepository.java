package org.jpledger.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Yearly national policies by year. */
@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<Policy, Integer> {
}

package org.jpledger.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Policies of unit subtrees by year and unit. */
@ApplicationScoped
public class UnitPolicyRepository implements PanacheRepositoryBase<UnitPolicy, UnitPolicy.Key> {

    /** How many unit policies {@code year} has. */
    public long countOf(int year) {
        return count("year", year);
    }
}

package org.jpledger.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Projected units by code. */
@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {
}

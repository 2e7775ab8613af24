package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** Units by code. */
@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {

    /** Loads a unit locked for update, so concurrent changes of one unit get consecutive versions. */
    public Optional<Unit> findForUpdate(String code) {
        return findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE);
    }
}

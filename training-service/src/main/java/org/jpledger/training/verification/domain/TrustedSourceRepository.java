package org.jpledger.training.verification.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The trusted-source entries of all units. */
@ApplicationScoped
public class TrustedSourceRepository implements PanacheRepositoryBase<TrustedSource, TrustedSource.Key> {

    /** Every entry, by unit and source system. */
    public List<TrustedSource> all() {
        return list("order by unitCode, sourceSystem");
    }

    /** One unit's entries, by source system. */
    public List<TrustedSource> ofUnit(String unitCode) {
        return list("unitCode = ?1 order by sourceSystem", unitCode);
    }

    /** Removes one unit's entries; answers how many there were. */
    public long deleteOfUnit(String unitCode) {
        return delete("unitCode", unitCode);
    }
}

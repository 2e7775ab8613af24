package org.jpledger.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Projected units by code. */
@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {

    /** The units directly below {@code code}, by name. */
    public List<Unit> children(String code) {
        return list("parentCode = ?1 and code <> ?1 order by name, code", code);
    }

    /** The units of these codes that reporting knows, by name. */
    public List<Unit> withCodes(Collection<String> codes) {
        return list("code in ?1 order by name, code", codes);
    }

    /** The units at the top of the tree: without a parent, or whose parent is unknown to reporting; by name. */
    public List<Unit> roots() {
        return list("parentCode is null or parentCode not in (select u.code from Unit u) order by name, code");
    }
}

package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Units' histories (name and parent over time). */
@ApplicationScoped
public class UnitPeriodRepository implements PanacheRepositoryBase<UnitPeriodEntry, UnitPeriodEntry.Key> {

    /** One unit's periods, oldest first. */
    public List<UnitPeriodEntry> historyOf(String unitCode) {
        return list("unitCode = ?1 order by effectiveFrom", unitCode);
    }

    /** The periods of each of {@code codes} that has any, oldest first, by code, in one query. */
    public Map<String, List<UnitPeriodEntry>> historiesOf(Collection<String> codes) {
        Map<String, List<UnitPeriodEntry>> histories = new LinkedHashMap<>();
        if (!codes.isEmpty()) {
            list("unitCode in ?1 order by unitCode, effectiveFrom", codes)
                    .forEach(p -> histories.computeIfAbsent(p.unitCode, c -> new ArrayList<>()).add(p));
        }
        return histories;
    }

    /** The period of a unit in force on {@code date}; none before the unit's first period. */
    public Optional<UnitPeriodEntry> inForce(String unitCode, LocalDate date) {
        return find("unitCode = ?1 and effectiveFrom <= ?2 order by effectiveFrom desc", unitCode, date)
                .firstResultOptional();
    }

    /** The codes of the units that have, or had, {@code parentCode} as parent in some period. */
    public List<String> childrenEver(String parentCode) {
        return getEntityManager().createQuery("select distinct p.unitCode from UnitPeriodEntry p "
                + "where p.parentCode = ?1 order by p.unitCode", String.class).setParameter(1, parentCode)
                .getResultList();
    }

    /** Every unit's period in force on {@code date}, by code; units whose first period is later are absent. */
    public List<UnitPeriodEntry> allInForce(LocalDate date) {
        return list("from UnitPeriodEntry p where p.effectiveFrom = (select max(q.effectiveFrom) from UnitPeriodEntry q "
                + "where q.unitCode = p.unitCode and q.effectiveFrom <= ?1) order by p.unitCode", date);
    }
}

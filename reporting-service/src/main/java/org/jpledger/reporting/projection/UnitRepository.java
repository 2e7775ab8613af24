package org.jpledger.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Projected units by code, and the units of a year's tree ({@link YearTree}). */
@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {

    /** The unit of this code in {@code year}'s tree; empty when it did not exist on 31 December of the year. */
    public Optional<YearUnit> inYear(String code, int year) {
        return yearUnits("code = :code", year, Map.of("code", code)).stream().findFirst();
    }

    /** The units directly below {@code code} in {@code year}'s tree, by name. */
    public List<YearUnit> children(String code, int year) {
        return yearUnits("parent_code = :code AND code <> :code", year, Map.of("code", code));
    }

    /** The units of these codes in {@code year}'s tree, by name. */
    public List<YearUnit> withCodes(Collection<String> codes, int year) {
        return yearUnits("code IN (:codes)", year, Map.of("codes", codes));
    }

    /** The units at the top of {@code year}'s tree: without a parent, or whose parent is not in it; by name. */
    public List<YearUnit> roots(int year) {
        return yearUnits("parent_code IS NULL OR parent_code NOT IN (SELECT code FROM tree)", year, Map.of());
    }

    private List<YearUnit> yearUnits(String condition, int year, Map<String, Object> parameters) {
        Query query = getEntityManager().createNativeQuery("WITH RECURSIVE " + YearTree.CTES
                + " selected AS (SELECT code, name, parent_code FROM tree WHERE " + condition + ")"
                + " SELECT code, name, parent_code FROM selected ORDER BY name, code");
        query.setParameter("year", year);
        parameters.forEach(query::setParameter);
        return ComplianceRepository.results(query).stream()
                .map(row -> new YearUnit((String) row[0], (String) row[1], (String) row[2])).toList();
    }
}

package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Units by code, and the shape of the unit tree. */
@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {

    private static final String SUBTREE = "WITH RECURSIVE subtree(code, name, parent_code, version, depth, path) AS ("
            + " SELECT code, name, parent_code, version, 0, ARRAY[code::text] FROM unit WHERE code = ?1"
            + " UNION ALL"
            + " SELECT u.code, u.name, u.parent_code, u.version, s.depth + 1, s.path || u.code::text"
            + " FROM unit u JOIN subtree s ON u.parent_code = s.code)"
            + " SELECT s.code, s.name, s.parent_code, s.version, s.depth, u.dissolved_on, u.successor_code"
            + " FROM subtree s JOIN unit u ON u.code = s.code ORDER BY s.path";

    // Walks up from each unit until one names a zone; the tree has no loops (UnitService keeps it so), the depth bound
    // only keeps a broken row from looping forever.
    private static final String ZONES = "WITH RECURSIVE up(start, parent_code, time_zone, depth) AS ("
            + " SELECT code, parent_code, time_zone, 0 FROM unit WHERE code IN (:codes)"
            + " UNION ALL"
            + " SELECT up.start, p.parent_code, p.time_zone, up.depth + 1 FROM unit p JOIN up ON p.code = up.parent_code"
            + " WHERE up.time_zone IS NULL AND up.depth < 64)"
            + " SELECT start, time_zone FROM up WHERE time_zone IS NOT NULL";

    /**
     * The effective time zone of each of {@code codes}: its own, else its nearest ancestor's, else
     * {@link UnitZones#DEFAULT}; by code, for every code given.
     */
    @SuppressWarnings("unchecked")
    public Map<String, ZoneId> effectiveZones(Collection<String> codes) {
        Map<String, ZoneId> zones = new HashMap<>();
        if (codes.isEmpty()) {
            return zones;
        }
        List<Object[]> rows = getEntityManager().createNativeQuery(ZONES).setParameter("codes", codes).getResultList();
        rows.forEach(r -> zones.put((String) r[0], UnitZones.of((String) r[1])));
        codes.forEach(code -> zones.putIfAbsent(code, UnitZones.DEFAULT));
        return zones;
    }

    /** Loads a unit locked for update, so concurrent changes of one unit get consecutive versions. */
    public Optional<Unit> findForUpdate(String code) {
        return findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The direct children of a unit, by code; the root units when {@code parentCode} is null. */
    public List<Unit> children(String parentCode) {
        return parentCode == null ? list("parentCode is null order by code")
                : list("parentCode = ?1 order by code", parentCode);
    }

    /** The units among {@code codes} that exist, by code. */
    public List<Unit> byCodes(Collection<String> codes) {
        return list("code in ?1 order by code", codes);
    }

    /** A unit and all units below it with their depth below it (0 for the unit itself), depth first by code. */
    @SuppressWarnings("unchecked")
    public List<SubtreeRow> subtree(String code) {
        List<Object[]> rows = getEntityManager().createNativeQuery(SUBTREE).setParameter(1, code).getResultList();
        return rows.stream().map(r -> new SubtreeRow((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), ((Number) r[4]).intValue(), toLocalDate(r[5]), (String) r[6])).toList();
    }

    private static LocalDate toLocalDate(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /** One unit of a subtree; {@code dissolvedOn} and {@code successorCode} null while it exists. */
    public record SubtreeRow(String code, String name, String parentCode, long version, int depth,
            LocalDate dissolvedOn, String successorCode) {
    }
}

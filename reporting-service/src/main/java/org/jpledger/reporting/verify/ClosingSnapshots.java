package org.jpledger.reporting.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads closings and their snapshot rows (tables {@code year_closing}, {@code closing_employee}, {@code closing_unit},
 * always those of schema {@code public}, whatever the search path) for their verification.
 */
@ApplicationScoped
public class ClosingSnapshots {

    /** Snapshot rows read per query: the memory a verification holds of the closed side. */
    static final int PAGE = 1_000;

    private final EntityManager entityManager;
    private final ObjectReader json;

    public ClosingSnapshots(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        // Exact numbers: JP are decimals, compared by value.
        this.json = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * The closing of {@code year} for the subtree of {@code unitCode} (the whole organisation when null): version
     * {@code version}, or the standing one (not reopened) when null.
     */
    @Transactional
    public Optional<Closing> find(int year, String unitCode, Integer version) {
        Query query = entityManager.createNativeQuery("""
                SELECT c.id, c.year, c.unit_code, c.version, c.rated_on, c.policies, c.governing, c.offsets::text
                FROM public.year_closing c
                WHERE c.year = :year AND c.unit_code IS NOT DISTINCT FROM cast(:unitCode AS text)
                  AND (cast(:version AS integer) IS NULL AND c.reopened_at IS NULL OR c.version = cast(:version AS integer))
                ORDER BY c.version DESC LIMIT 1""")
                .setParameter("year", year).setParameter("unitCode", unitCode).setParameter("version", version);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().findFirst().map(row -> new Closing(((Number) row[0]).longValue(),
                ((Number) row[1]).intValue(), (String) row[2], ((Number) row[3]).intValue(),
                (LocalDate) row[4], (String) row[5], (String) row[6], offsets((String) row[7])));
    }

    /**
     * The closing's snapshot rows in snapshot order (employees by NIP, then units by code, {@code ""} first), read a
     * page at a time in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Iterator<SnapshotRow> rows(long closingId) {
        return new Iterator<>() {
            private final Deque<SnapshotRow> page = new ArrayDeque<>();
            private SnapshotRow.Kind kind = SnapshotRow.Kind.EMPLOYEE;
            private String after;

            @Override
            public boolean hasNext() {
                while (page.isEmpty() && kind != null) {
                    page.addAll(page(closingId, kind, after));
                    if (page.isEmpty()) {
                        kind = kind == SnapshotRow.Kind.EMPLOYEE ? SnapshotRow.Kind.UNIT : null;
                        after = null;
                    } else {
                        after = page.getLast().key();
                    }
                }
                return !page.isEmpty();
            }

            @Override
            public SnapshotRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.removeFirst();
            }
        };
    }

    private List<SnapshotRow> page(long closingId, SnapshotRow.Kind kind, String after) {
        // Keys in the C collation: the order of Java strings for the ASCII of NIPs and unit codes.
        String table = kind == SnapshotRow.Kind.EMPLOYEE ? "closing_employee" : "closing_unit";
        String key = kind == SnapshotRow.Kind.EMPLOYEE ? "nip" : "unit_code";
        Query query = entityManager.createNativeQuery("SELECT s." + key + ", s.answer::text FROM public." + table
                + " s WHERE s.closing_id = :closing AND (cast(:after AS text) IS NULL OR s." + key
                + " COLLATE \"C\" > cast(:after AS text) COLLATE \"C\") ORDER BY s." + key + " COLLATE \"C\" LIMIT "
                + PAGE).setParameter("closing", closingId).setParameter("after", after);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new SnapshotRow(kind, (String) row[0], parse((String) row[1]))).toList();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored snapshot answer is not JSON", e);
        }
    }

    private Map<String, Long> offsets(String text) {
        try {
            return json.forType(new TypeReference<Map<String, Long>>() { }).readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a closing's offsets are not a JSON object of numbers", e);
        }
    }
}

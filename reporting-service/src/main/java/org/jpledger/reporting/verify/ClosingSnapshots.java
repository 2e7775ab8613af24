package org.jpledger.reporting.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads a closing's snapshot rows (tables {@code closing_employee} and {@code closing_unit}, always those of schema
 * {@code public}, whatever the search path) for its verification, a page at a time in snapshot order.
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
}

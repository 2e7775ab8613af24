package org.jpledger.reporting.closing.standing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which standing closing covers what: a whole-organisation closing of a year covers every unit and employee of it; a
 * subtree closing the units and employees it holds snapshot rows of. Reads the closing tables of schema {@code public}
 * by name, because a rebuild points unqualified names at its copies, which hold no closings.
 */
@ApplicationScoped
public class ClosingLookup {

    private static final String COLUMNS = "c.id, c.year, c.unit_code, c.version, c.note, c.closed_at, c.closed_by, "
            + "c.offsets::text";
    private static final TypeReference<Map<String, Long>> OFFSETS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    public ClosingLookup(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    /** Every standing closing of the given years (one query: the consumer asks once per batch). */
    public List<StandingClosing> standing(Collection<Integer> years) {
        if (years.isEmpty()) {
            return List.of();
        }
        return closings(entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM public.year_closing c "
                + "WHERE c.reopened_at IS NULL AND c.year IN (:years) ORDER BY c.unit_code NULLS FIRST, c.id")
                .setParameter("years", years));
    }

    /** The standing whole-organisation closing of the year, if any. */
    public Optional<StandingClosing> whole(int year) {
        return standing(List.of(year)).stream().filter(StandingClosing::whole).findFirst();
    }

    /** The standing closing holding the employee's row for the year, and the row's answer (JSON). */
    public Optional<Covered> employee(int year, String nip) {
        return covered("JOIN public.closing_employee r ON r.closing_id = c.id AND r.nip = :key", year, nip);
    }

    /** The standing closing holding the unit's row for the year, and the row's answer (JSON). */
    public Optional<Covered> unit(int year, String code) {
        return covered("JOIN public.closing_unit r ON r.closing_id = c.id AND r.unit_code = :key", year, code);
    }

    /** Whether the closing covers the employee: a whole closing every one, a subtree closing those it holds rows of. */
    public boolean covers(StandingClosing closing, String nip) {
        return closing.whole() || !entityManager.createNativeQuery(
                "SELECT 1 FROM public.closing_employee WHERE closing_id = :closing AND nip = :nip")
                .setParameter("closing", closing.id()).setParameter("nip", nip).getResultList().isEmpty();
    }

    /** The closing's row of the unit, as its JSON answer, if it holds one. */
    public Optional<String> unitAnswer(long closingId, String code) {
        return first(entityManager.createNativeQuery(
                "SELECT answer::text FROM public.closing_unit WHERE closing_id = :closing AND unit_code = :code")
                .setParameter("closing", closingId).setParameter("code", code));
    }

    /** The closing's row of the employee, as its JSON answer, if it holds one. */
    public Optional<String> employeeAnswer(long closingId, String nip) {
        return first(entityManager.createNativeQuery(
                "SELECT answer::text FROM public.closing_employee WHERE closing_id = :closing AND nip = :nip")
                .setParameter("closing", closingId).setParameter("nip", nip));
    }

    /** The closing's top-level units (no parent in the snapshot's tree), as their JSON answers, by name. */
    public List<String> rootAnswers(long closingId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = entityManager.createNativeQuery("SELECT answer::text FROM public.closing_unit "
                + "WHERE closing_id = :closing AND unit_code <> '' AND parent_code IS NULL ORDER BY name, unit_code")
                .setParameter("closing", closingId).getResultList();
        return rows.stream().map(String.class::cast).toList();
    }

    /** A standing closing and the answer its snapshot holds for what was looked up. */
    public record Covered(StandingClosing closing, String answer) {
    }

    private Optional<Covered> covered(String join, int year, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + COLUMNS + ", r.answer::text "
                + "FROM public.year_closing c " + join + " WHERE c.reopened_at IS NULL AND c.year = :year "
                + "ORDER BY c.unit_code NULLS FIRST LIMIT 1")
                .setParameter("year", year).setParameter("key", key).getResultList();
        return rows.stream().findFirst().map(row -> new Covered(closing(row), (String) row[8]));
    }

    private List<StandingClosing> closings(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(this::closing).toList();
    }

    private StandingClosing closing(Object[] row) {
        try {
            return new StandingClosing(((Number) row[0]).longValue(), ((Number) row[1]).intValue(), (String) row[2],
                    ((Number) row[3]).intValue(), (String) row[4], instant(row[5]), (String) row[6],
                    mapper.readValue((String) row[7], OFFSETS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("closing " + row[0] + " has unreadable offsets", e);
        }
    }

    private static Optional<String> first(Query query) {
        @SuppressWarnings("unchecked")
        List<Object> rows = query.getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }

    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}

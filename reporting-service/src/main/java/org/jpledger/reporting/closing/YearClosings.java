package org.jpledger.reporting.closing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.jpledger.reporting.closing.SnapshotRater.EmployeeRow;
import org.jpledger.reporting.closing.SnapshotRater.Row;
import org.jpledger.reporting.closing.SnapshotRater.UnitSnapshotRow;

/**
 * The year closings and their snapshot rows ({@code year_closing}, {@code closing_employee}, {@code closing_unit}),
 * read and written in SQL: rows are inserted in JDBC batches, and the snapshot's digest is read through a cursor.
 */
@ApplicationScoped
public class YearClosings {

    /** Snapshot rows per insert batch. */
    static final int BATCH = 2_000;
    /** The advisory lock key that keeps closings (and reopenings) of every instance one at a time. */
    static final long CLOSING_LOCK = 0x4A504C_434C4F53L; // "JPL" "CLOS"

    private static final String COLUMNS = """
            id, year, unit_code, version, note, closed_at, closed_by, rated_on, policies, governing,
            array_to_json(rule_versions)::text, offsets::text, employee_rows, unit_rows, files::text, sha256,
            reopened_at, reopened_by, reopen_reason
            """;

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public YearClosings(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Takes the closings' lock for the rest of the transaction (waiting for another closing in flight). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockClosings() {
        entityManager.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:key)) AS locked")
                .setParameter("key", CLOSING_LOCK).getSingleResult();
    }

    /** Every closing of {@code year}, newest first. */
    public List<Closing> ofYear(int year) {
        return list("SELECT " + COLUMNS + " FROM year_closing WHERE year = :year ORDER BY closed_at DESC, id DESC",
                year);
    }

    /** Every closing of the given years, newest first. */
    public List<Closing> ofYears(Collection<Integer> years) {
        Query query = entityManager.createNativeQuery("SELECT " + COLUMNS
                + " FROM year_closing WHERE year IN (:years) ORDER BY closed_at DESC, id DESC");
        query.setParameter("years", years);
        return read(query);
    }

    /** The closings of {@code year} standing now. */
    public List<Closing> standing(int year) {
        return ofYear(year).stream().filter(Closing::standing).toList();
    }

    /** One version of the closing of {@code year} and scope ({@code unitCode} null: the whole organisation). */
    public Optional<Closing> version(int year, String unitCode, int version) {
        Query query = entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM year_closing WHERE year = :year"
                + " AND coalesce(unit_code, '') = :unit AND version = :version");
        query.setParameter("year", year).setParameter("unit", unitCode == null ? "" : unitCode)
                .setParameter("version", version);
        return read(query).stream().findFirst();
    }

    public Optional<Closing> byId(long id) {
        Query query = entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM year_closing WHERE id = :id");
        query.setParameter("id", id);
        return read(query).stream().findFirst();
    }

    /** The next version for the year and scope: 1, or one more than the newest. */
    public int nextVersion(int year, String unitCode) {
        Object max = entityManager.createNativeQuery("SELECT coalesce(max(version), 0) FROM year_closing "
                + "WHERE year = :year AND coalesce(unit_code, '') = :unit").setParameter("year", year)
                .setParameter("unit", unitCode == null ? "" : unitCode).getSingleResult();
        return ((Number) max).intValue() + 1;
    }

    /**
     * Inserts a closing's row before its snapshot (rows, counts, digest and files follow with {@link #complete});
     * returns its id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long insert(int year, String unitCode, int version, String note, Instant closedAt, String closedBy,
            LocalDate ratedOn, String policies, String governing, String offsets) {
        Object id = entityManager.createNativeQuery("""
                INSERT INTO year_closing (year, unit_code, version, note, closed_at, closed_by, rated_on, policies,
                    governing, rule_versions, offsets, employee_rows, unit_rows, files, sha256)
                VALUES (:year, :unit, :version, :note, :closedAt, :closedBy, :ratedOn, :policies, :governing,
                    '{}', cast(:offsets AS jsonb), 0, 0, '[]', '')
                RETURNING id""").setParameter("year", year).setParameter("unit", unitCode)
                .setParameter("version", version).setParameter("note", note)
                .setParameter("closedAt", OffsetDateTime.ofInstant(closedAt, java.time.ZoneOffset.UTC))
                .setParameter("closedBy", closedBy).setParameter("ratedOn", ratedOn)
                .setParameter("policies", policies).setParameter("governing", governing)
                .setParameter("offsets", offsets).getSingleResult();
        return ((Number) id).longValue();
    }

    /** Completes a closing's manifest once its snapshot rows are in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(long id, Collection<Integer> ruleVersions, int employeeRows, int unitRows, String sha256) {
        entityManager.createNativeQuery("""
                UPDATE year_closing SET rule_versions = cast(:ruleVersions AS integer[]), employee_rows = :employees,
                    unit_rows = :units, sha256 = :sha256 WHERE id = :id""")
                .setParameter("ruleVersions", "{" + String.join(",", ruleVersions.stream().map(String::valueOf)
                        .toList()) + "}")
                .setParameter("employees", employeeRows).setParameter("units", unitRows)
                .setParameter("sha256", sha256).setParameter("id", id).executeUpdate();
    }

    /** Records a closing's export files (the JSON of {@code year_closing.files}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void files(long id, String files) {
        entityManager.createNativeQuery("UPDATE year_closing SET files = cast(:files AS jsonb) WHERE id = :id")
                .setParameter("files", files).setParameter("id", id).executeUpdate();
    }

    /**
     * Which columns the closing's export files have ({@code export_columns}: 1 before issue 24's columns, 2 before
     * issue 25's, 3 since), so they are written again as they were first written.
     */
    public int exportColumns(long id) {
        return ((Number) entityManager.createNativeQuery("SELECT export_columns FROM year_closing WHERE id = :id")
                .setParameter("id", id).getSingleResult()).intValue();
    }

    /** A snapshot row's key and its answer (JSON text). */
    public record Answer(String key, String answer) {
    }

    /**
     * Up to {@code limit} employee answers of a closing after NIP {@code afterNip} ({@code ""}: from the first), by
     * NIP: a page of the snapshot, read by its primary key.
     */
    public List<Answer> employeeAnswers(long closingId, String afterNip, int limit) {
        return answers("SELECT nip, answer::text FROM closing_employee WHERE closing_id = :id AND nip > :after "
                + "ORDER BY nip LIMIT :limit", closingId, afterNip, limit);
    }

    /**
     * Up to {@code limit} unit answers of a closing after unit code {@code afterCode} by code, without the scope's
     * total (code {@code ""}).
     */
    public List<Answer> unitAnswers(long closingId, String afterCode, int limit) {
        return answers("SELECT unit_code, answer::text FROM closing_unit WHERE closing_id = :id AND unit_code > :after "
                + "ORDER BY unit_code LIMIT :limit", closingId, afterCode, limit);
    }

    @SuppressWarnings("unchecked")
    private List<Answer> answers(String sql, long closingId, String after, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery(sql).setParameter("id", closingId)
                .setParameter("after", after).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Answer((String) r[0], (String) r[1])).toList();
    }

    /** Marks a standing closing reopened; whether it stood. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reopen(long id, Instant at, String by, String reason) {
        return entityManager.createNativeQuery("""
                UPDATE year_closing SET reopened_at = :at, reopened_by = :by, reopen_reason = :reason
                WHERE id = :id AND reopened_at IS NULL""")
                .setParameter("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).setParameter("by", by)
                .setParameter("reason", reason).setParameter("id", id).executeUpdate() > 0;
    }

    /** The consumer's stored offsets as {@code {"topic-partition": next}}, canonical jsonb text. */
    public String consumerOffsets() {
        return (String) entityManager.createNativeQuery("""
                SELECT coalesce(jsonb_object_agg(topic || '-' || partition, next_offset), '{}'::jsonb)::text
                FROM consumer_offset""").getSingleResult();
    }

    /** A writer of one closing's snapshot rows in JDBC batches of {@link #BATCH}; close it to write the rest. */
    public RowWriter writer(long closingId) {
        return new RowWriter(closingId);
    }

    /**
     * The SHA-256 (hex) of a closing's snapshot in canonical order: each employee's answer by NIP, then each unit's by
     * code (the total, {@code ""}, first), each as jsonb's text followed by a line feed; codes compared byte by byte
     * (the C collation), whatever the database's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String snapshotSha256(long closingId) {
        MessageDigest sha = sha256();
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (String sql : List.of(
                    "SELECT answer::text FROM closing_employee WHERE closing_id = ? ORDER BY nip COLLATE \"C\"",
                    "SELECT answer::text FROM closing_unit WHERE closing_id = ? ORDER BY unit_code COLLATE \"C\"")) {
                try (PreparedStatement query = connection.prepareStatement(sql)) {
                    query.setFetchSize(BATCH);
                    query.setLong(1, closingId);
                    try (ResultSet row = query.executeQuery()) {
                        while (row.next()) {
                            sha.update((row.getString(1) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Writes snapshot rows of one closing, a batch at a time. */
    public final class RowWriter implements java.util.function.Consumer<Row>, AutoCloseable {

        private final long closingId;
        private final List<EmployeeRow> employees = new ArrayList<>();
        private final List<UnitSnapshotRow> units = new ArrayList<>();

        private RowWriter(long closingId) {
            this.closingId = closingId;
        }

        @Override
        public void accept(Row row) {
            if (row instanceof EmployeeRow employee) {
                employees.add(employee);
            } else {
                units.add((UnitSnapshotRow) row);
            }
            if (employees.size() + units.size() >= BATCH) {
                flush();
            }
        }

        @Override
        public void close() {
            flush();
        }

        private void flush() {
            if (employees.isEmpty() && units.isEmpty()) {
                return;
            }
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO closing_employee (closing_id, nip, unit_code, name, status, total_jp, answer)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
                    for (EmployeeRow row : employees) {
                        insert.setLong(1, closingId);
                        insert.setString(2, row.nip());
                        insert.setString(3, row.unitCode());
                        insert.setString(4, row.answer().name());
                        insert.setString(5, row.answer().status().name());
                        insert.setBigDecimal(6, row.answer().totalJp());
                        insert.setString(7, text(row.answer()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO closing_unit (closing_id, unit_code, parent_code, name, answer)
                        VALUES (?, ?, ?, ?, ?::jsonb)""")) {
                    for (UnitSnapshotRow row : units) {
                        insert.setLong(1, closingId);
                        insert.setString(2, row.unitCode());
                        insert.setString(3, row.parentCode());
                        insert.setString(4, row.name());
                        insert.setString(5, text(row.answer()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
            employees.clear();
            units.clear();
        }
    }

    private String text(Object answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Closing> list(String sql, int year) {
        Query query = entityManager.createNativeQuery(sql);
        query.setParameter("year", year);
        return read(query);
    }

    @SuppressWarnings("unchecked")
    private List<Closing> read(Query query) {
        List<Object[]> rows = query.getResultList();
        List<Closing> closings = new ArrayList<>();
        for (Object[] r : rows) {
            closings.add(new Closing(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2],
                    ((Number) r[3]).intValue(), (String) r[4], instant(r[5]), (String) r[6], date(r[7]),
                    (String) r[8], (String) r[9], integers((String) r[10]), (String) r[11],
                    ((Number) r[12]).intValue(), ((Number) r[13]).intValue(), (String) r[14], (String) r[15],
                    instant(r[16]), (String) r[17], (String) r[18]));
        }
        return closings;
    }

    private static List<Integer> integers(String array) {
        String inner = array.substring(1, array.length() - 1).strip();
        return inner.isEmpty() ? List.of() : Arrays.stream(inner.split(",")).map(s -> Integer.valueOf(s.strip()))
                .toList();
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant i ? i : value instanceof OffsetDateTime o
                ? o.toInstant() : ((Timestamp) value).toInstant();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

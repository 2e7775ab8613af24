package org.jpledger.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jpledger.bench.ProvinceGenerator.Completion;
import org.jpledger.bench.ProvinceGenerator.Employee;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.Topics;
import org.jpledger.localstack.LocalStack;

/**
 * The raw limit of a single recorded completion: the statements training-service executes for one
 * {@code POST /api/v1/completions} (CompletionService.record), run over plain JDBC against training's own database at the
 * single-POST phase's concurrency, one transaction per completion, with fresh completions of the province's employees.
 * The rows are real (with the outbox row's CloudEvent), so the relay publishes them and reporting-service applies them.
 */
final class JdbcSingle {

    static final String KEY = "reference.jdbc-single";
    static final String BY = "benchmark-jdbc-single";

    /** EmployeeRepository.findForUpdate: the employee row locked, ordering the completion with the employee's changes. */
    static final String LOCK_EMPLOYEE = "SELECT nip, name, employment_type, position_level, unit_code, employed_from, "
            + "employed_until, leaving_reason, version, updated_at FROM employee WHERE nip = ? FOR UPDATE";
    /** UnitRepository.effectiveZones (RecordZones.ofUnit): the zone the employee's records are dated in. */
    static final String UNIT_ZONE = "WITH RECURSIVE up(start, parent_code, time_zone, depth) AS ("
            + " SELECT code, parent_code, time_zone, 0 FROM unit WHERE code IN (?)"
            + " UNION ALL"
            + " SELECT up.start, p.parent_code, p.time_zone, up.depth + 1 FROM unit p JOIN up ON p.code = up.parent_code"
            + " WHERE up.time_zone IS NULL AND up.depth < 64)"
            + " SELECT start, time_zone FROM up WHERE time_zone IS NOT NULL";
    /** RecognitionRuleSetRepository.ruleBook: the rule versions and their periods (the rules themselves are cached). */
    static final String RULE_BOOK = "SELECT version, valid_from, valid_until FROM recognition_rule_set ORDER BY version";
    /** CompletionRepository.findByIdempotencyKey: a replay of the same Idempotency-Key. */
    static final String BY_IDEMPOTENCY_KEY = "SELECT id FROM completion WHERE idempotency_key = ?";
    /** CompletionRepository.findByExternalId: the idempotency check on (source system, external id). */
    static final String BY_EXTERNAL_ID = "SELECT id FROM completion WHERE source_system = ? AND external_id = ?";
    /** CompletionRepository.duplicateCandidates (DuplicateDetection, before the version is kept). */
    static final String DUPLICATE_CANDIDATES = "SELECT id, title, start_date, end_date, jp, days, certificate_number "
            + "FROM completion WHERE nip = ? AND status = 'ACTIVE' AND id <> ? AND (certificate_number IS NOT NULL "
            + "OR (start_date <= ? AND end_date >= ?)) ORDER BY recorded_at DESC LIMIT 100";
    /** The completion's first version (CompletionRepository.persist). */
    static final String INSERT_COMPLETION = "INSERT INTO completion (id, version, nip, title, kind_id, method, "
            + "competency_type, delivery_mode, provider, start_date, end_date, training_year, jp, days, international, "
            + "recognized_jp, certificate_number, source_system, external_id, recorded_at, status, rule_version, "
            + "updated_at, flags, idempotency_key, verification, recorded_by) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 1, ?, ?::text[], ?, 'SUBMITTED', ?)";
    /** Its history entry with the state JSON (CompletionVersions.changed). */
    static final String INSERT_HISTORY = "INSERT INTO completion_history (completion_id, version, change, state, "
            + "changed_at, changed_by) VALUES (?, 1, 'RECORDED', ?, ?, ?)";
    /** The outbox row of its CompletionRecorded event (CompletionEvents.append). */
    static final String INSERT_OUTBOX = "INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?)";
    /** The audit entry (AuditLog.append, in its own short transaction as the service writes it). */
    static final String INSERT_AUDIT = "INSERT INTO audit_entry (subject, client, roles, scope, action, target_unit, "
            + "target_nip, target_id, outcome, status, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))";

    private final BenchStack stack;
    private final ProvinceGenerator province;
    private final Log log;

    JdbcSingle(BenchStack stack, ProvinceGenerator province, Log log) {
        this.stack = stack;
        this.province = province;
        this.log = log;
    }

    /** {@code clients} connections in closed loop for {@code duration} or {@code max} completions. */
    Measurement measure(int clients, Duration duration, int max) throws Exception {
        List<Employee> eligible = province.employees().stream()
                .filter(e -> !e.leaves() && e.trainingWindow(province.lastDay()) != null).toList();
        Latencies latencies = new Latencies();
        AtomicLong sequence = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        AtomicLong last = new AtomicLong(start);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        log.step("reference: the statements of one recorded completion over plain JDBC, %d connections, %d s", clients,
                duration.toSeconds());
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                try (Connection c = stack.connect(LocalStack.TRAINING_DB)) {
                    long n;
                    while (failures.isEmpty() && System.nanoTime() < deadline
                            && (n = sequence.getAndIncrement()) < max) {
                        // The same employee choice and content as the single-POST phase, under its own external ids.
                        Employee e = eligible.get((int) ((n * 7919) % eligible.size()));
                        String externalId = "jdbc-single-" + province.seed() + "-" + n;
                        Completion r = province.extraCompletion(e, externalId, 0x51);
                        long t0 = System.nanoTime();
                        record(c, r, "bench-" + externalId);
                        long t1 = System.nanoTime();
                        latencies.record(t0, t1);
                        last.accumulateAndGet(t1, Math::max);
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "jdbc-single-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a plain-JDBC client failed", failures.get(0));
        }
        double seconds = (last.get() - start) / 1e9;
        double rate = done.get() / seconds;
        Latency latency = latencies.toLatency();
        log.figure(KEY, "%,.0f completions/s, p50 %.1f ms, p99 %.1f ms (%,d in %.1f s)", rate, latency.p50Ms(),
                latency.p99Ms(), done.get(), seconds);
        return new Measurement(KEY, "Raw PostgreSQL: the statements of one recorded completion over plain JDBC, "
                + "concurrency " + clients, rate, "completions/s", latency, null, null, null,
                ("%d connections in closed loop against training-service's database, one transaction per completion: "
                        + "the employee row locked (SELECT ... FOR UPDATE), the unit's time zone, the rule book, the "
                        + "idempotency checks on the Idempotency-Key and on source system + external id, the duplicate "
                        + "candidates, then the inserts of completion, completion_history (state JSON) and outbox_event "
                        + "(the CompletionRecorded CloudEvent), commit; then the audit_entry insert in its own "
                        + "transaction, as training-service writes it. Fresh completions of %,d employees with the "
                        + "single-POST phase's content; %,d completions in %.1f s (limit %d s or %,d); latency per "
                        + "completion from the first statement to the audit insert. The rows are real: the relay "
                        + "published them and reporting-service applied them.")
                        .formatted(clients, eligible.size(), done.get(), seconds, duration.toSeconds(), max));
    }

    /** One completion: its transaction, then its audit entry. */
    static void record(Connection c, Completion r, String idempotencyKey) throws SQLException {
        c.setAutoCommit(false);
        UUID id = UUID.randomUUID();
        Instant at = Instant.now();
        Timestamp now = Timestamp.from(at);
        String unit;
        try {
            try (PreparedStatement p = c.prepareStatement(LOCK_EMPLOYEE)) {
                p.setString(1, r.nip());
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no employee " + r.nip());
                    }
                    unit = rs.getString("unit_code");
                }
            }
            query(c, UNIT_ZONE, p -> p.setString(1, unit));
            query(c, RULE_BOOK, p -> {
            });
            query(c, BY_IDEMPOTENCY_KEY, p -> p.setString(1, idempotencyKey));
            query(c, BY_EXTERNAL_ID, p -> {
                p.setString(1, r.sourceSystem());
                p.setString(2, r.externalId());
            });
            query(c, DUPLICATE_CANDIDATES, p -> {
                p.setString(1, r.nip());
                p.setObject(2, id);
                p.setDate(3, Date.valueOf(r.endDate()));
                p.setDate(4, Date.valueOf(r.startDate()));
            });
            try (PreparedStatement p = c.prepareStatement(INSERT_COMPLETION)) {
                p.setObject(1, id);
                p.setString(2, r.nip());
                p.setString(3, r.title());
                p.setShort(4, (short) r.kindId());
                p.setString(5, r.method().name());
                p.setString(6, r.competencyType().name());
                p.setString(7, r.deliveryMode().name());
                p.setString(8, r.provider());
                p.setDate(9, Date.valueOf(r.startDate()));
                p.setDate(10, Date.valueOf(r.endDate()));
                p.setInt(11, r.endDate().getYear());
                p.setBigDecimal(12, r.jp() == null ? null : r.jp().setScale(2));
                if (r.days() == null) {
                    p.setNull(13, Types.INTEGER);
                } else {
                    p.setInt(13, r.days());
                }
                p.setBoolean(14, r.international());
                p.setBigDecimal(15, r.recognizedJp());
                p.setString(16, r.certificateNumber());
                p.setString(17, r.sourceSystem());
                p.setString(18, r.externalId());
                p.setTimestamp(19, now);
                p.setTimestamp(20, now);
                p.setString(21, "{" + String.join(",", r.flags().stream().map(Enum::name).toList()) + "}");
                p.setString(22, idempotencyKey);
                p.setString(23, BY);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(INSERT_HISTORY)) {
                p.setObject(1, id);
                p.setString(2, BulkLoad.state(id, r, at.toString()));
                p.setTimestamp(3, now);
                p.setString(4, BY);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(INSERT_OUTBOX)) {
                String eventId = UUID.randomUUID().toString();
                p.setObject(1, UUID.fromString(eventId));
                p.setString(2, Topics.EMPLOYEES);
                p.setString(3, r.nip());
                p.setString(4, EventTypes.COMPLETION_RECORDED_V1);
                p.setString(5, BulkLoad.eventJson(eventId, EventTypes.COMPLETION_RECORDED_V1, r.nip(), at,
                        BulkLoad.recorded(id, r)));
                p.setTimestamp(6, now);
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
        c.setAutoCommit(true);
        try (PreparedStatement p = c.prepareStatement(INSERT_AUDIT)) {
            p.setString(1, BY);
            p.setString(2, null);
            p.setString(3, "training-writer");
            p.setString(4, "*");
            p.setString(5, "completion.record");
            p.setString(6, unit);
            p.setString(7, r.nip());
            p.setString(8, id.toString());
            p.setString(9, "done");
            p.setInt(10, 201);
            p.setString(11, "{}");
            p.executeUpdate();
        }
    }

    /** Binds a prepared statement's parameters. */
    private interface Binder {
        void bind(PreparedStatement p) throws SQLException;
    }

    /** Runs a query and reads its rows, as the service reads them. */
    private static void query(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            binder.bind(p);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    }
}

package org.jpledger.reporting.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jpledger.contracts.events.CloudEvent;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.reporting.consumer.EventBatchApplier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.Sql;
import org.jpledger.reporting.TestClock;
import org.jpledger.reporting.consumer.ProjectionLock;
import org.junit.jupiter.api.Test;

/** Throwaway scale check (not committed): live vs precomputed unit figures on a large tree. */
@QuarkusTest
class ScaleCheck {

    @Inject ComplianceRepository compliance;
    @Inject UnitFiguresRefresher refresher;
    @Inject PolicyRepository policies;
    @Inject EntityManager em;
    @Inject DataSource dataSource;
    @Inject TestClock clock;
    @Inject EventBatchApplier applier;
    @Inject ObjectMapper mapper;

    @Test
    void measure() throws Exception {
        int employees = Integer.getInteger("scale.employees", 300_000);
        int l2 = Integer.getInteger("scale.l2", 10);
        int l3 = Integer.getInteger("scale.l3", 40);
        int l4 = Integer.getInteger("scale.l4", 349);
        int year = 2026;
        int liveRuns = Integer.getInteger("scale.liveRuns", 15);
        clock.setJakarta(LocalDateTime.of(2026, 11, 30, 10, 0));
        long t0 = System.nanoTime();
        Sql.execute(dataSource, "INSERT INTO unit SELECT 'S-R', 'Root', NULL, 1");
        Sql.execute(dataSource, "INSERT INTO unit SELECT 'S-2-'||g, 'L2 '||g, 'S-R', 1 FROM generate_series(1, ?) g", l2);
        Sql.execute(dataSource, "INSERT INTO unit SELECT 'S-3-'||g, 'L3 '||g, 'S-2-'||(1 + g % ?), 1 FROM generate_series(1, ?) g", l2, l3);
        Sql.execute(dataSource, "INSERT INTO unit SELECT 'S-4-'||g, 'L4 '||g, 'S-3-'||(1 + g % ?), 1 FROM generate_series(1, ?) g", l3, l4);
        Sql.execute(dataSource, """
                INSERT INTO employee (nip, name, employment_type, position_level, unit_code, employed_from, version)
                SELECT '6' || lpad(g::text, 17, '0'), 'Pegawai ' || md5(g::text), CASE WHEN g % 7 = 0 THEN 'PPPK' ELSE 'PNS' END,
                       (ARRAY['PELAKSANA','FUNGSIONAL','PENGAWAS','ADMINISTRATOR','JPT_PRATAMA'])[1 + g % 5],
                       CASE WHEN g % 20 = 0 THEN 'S-3-' || (1 + g % ?) WHEN g % 97 = 0 THEN 'S-2-' || (1 + g % ?)
                            ELSE 'S-4-' || (1 + g % ?) END, DATE '2010-01-01', 1
                FROM generate_series(1, ?) g""", l3, l2, l4, employees);
        for (String ys : System.getProperty("scale.years", "2025,2026").split(",")) {
            int y = Integer.parseInt(ys);
            Sql.execute(dataSource, """
                    INSERT INTO employee_year (nip, year, unit_code, employment_type, position_level, window_from,
                        window_until, total_jp, jp_teknis, jp_manajerial, jp_sosial_kultural, jp_klasikal,
                        jp_nonklasikal, jp_luring, jp_daring, jp_blended, completion_count, last_completion_date)
                    SELECT e.nip, ?, e.unit_code, e.employment_type, e.position_level,
                           CASE WHEN g % 10 = 0 THEN make_date(?, 1 + g % 12, 1) ELSE make_date(?, 1, 1) END,
                           CASE WHEN g % 20 = 1 THEN make_date(?, 6, 30) ELSE make_date(?, 12, 31) END,
                           jp.v, jp.v, 0, 0, jp.v, 0, jp.v, 0, 0, 1, NULL
                    FROM (SELECT g, '6' || lpad(g::text, 17, '0') AS nip FROM generate_series(1, ?) g) s
                    JOIN employee e ON e.nip = s.nip
                    CROSS JOIN LATERAL (SELECT round((random() * 45)::numeric, g % 3) AS v) jp""",
                    y, y, y, y, y, employees);
        }
        Sql.execute(dataSource, "ANALYZE unit");
        Sql.execute(dataSource, "ANALYZE employee");
        Sql.execute(dataSource, "ANALYZE employee_year");
        Log.infof("SCALE loaded %d employees x years %s, %d units in %d ms", employees,
                System.getProperty("scale.years", "2025,2026"), 1 + l2 + l3 + l4,
                (System.nanoTime() - t0) / 1_000_000);

        long r0 = System.nanoTime();
        List<Integer> refreshed = refresher.refreshStale();
        Log.infof("SCALE refreshStale %s in %d ms", refreshed, (System.nanoTime() - r0) / 1_000_000);

        PolicyTerms terms = PolicyTerms.DEFAULT;
        LocalDate today = TrainingCalendar.today(clock);
        FigureQuery root = FigureQuery.below("S-R");
        Map<String, UnitFigures> live = tx(() -> compliance.liveFigures(root, year, terms, today));
        Map<String, UnitFigures> pre = tx(() -> compliance.precomputedFigures(root, year, terms, today).orElseThrow());
        Log.infof("SCALE equal: %s; root headcount %d", live.equals(pre),
                live.values().stream().mapToLong(UnitFigures::headcount).sum());
        report("repository live below(root)", liveRuns, () -> tx(() -> compliance.liveFigures(root, year, terms, today)));
        report("repository precomputed below(root)", 300,
                () -> tx(() -> compliance.precomputedFigures(root, year, terms, today)));
        report("repository precomputed all()", 300,
                () -> tx(() -> compliance.precomputedFigures(FigureQuery.all(), year, terms, today)));
        report("repository precomputed below(L4 leaf)", 300,
                () -> tx(() -> compliance.precomputedFigures(FigureQuery.below("S-4-7"), year, terms, today)));
        report("HttpClient GET units/root (precomputed)", 300, get("/api/v1/compliance/units/S-R?year=2026"));
        report("HttpClient GET summary (precomputed)", 300, get("/api/v1/compliance/summary?year=2026"));
        report("HttpClient GET units/L2 (precomputed)", 300, get("/api/v1/compliance/units/S-2-3?year=2026"));
        boolean national = Boolean.getBoolean("scale.national");
        int listRuns = national ? 3 : 30;
        report("HttpClient GET root employees?status=AT_RISK (JP, per-unit)", listRuns,
                get("/api/v1/compliance/units/S-R/employees?year=2026&status=AT_RISK"));
        report("HttpClient GET root employees?status=NOT_MET (JP, per-unit)", listRuns,
                get("/api/v1/compliance/units/S-R/employees?year=2026&status=NOT_MET"));
        report("HttpClient GET root employees?status=AT_RISK&sort=name (whole subtree)", Math.min(listRuns, 10),
                get("/api/v1/compliance/units/S-R/employees?year=2026&status=AT_RISK&sort=name"));
        String old = """
                WITH RECURSIVE scope(code) AS (SELECT CAST(:unit AS text) UNION SELECT c.code FROM unit c JOIN scope s ON c.parent_code = s.code),
                """ + ComplianceRepository.ratedCte("y.unit_code IN (SELECT code FROM scope)") + """
                 SELECT r.nip, e.name, r.status FROM rated r JOIN employee e ON e.nip = r.nip LEFT JOIN unit u ON u.code = r.unit_code
                 WHERE TRUE AND r.status = 'AT_RISK' ORDER BY r.total_jp, r.nip LIMIT 51""";
        report("repository OLD employees JP status=AT_RISK (whole subtree)", Math.min(listRuns, 10), () -> tx(() -> {
            var q = em.createNativeQuery(old);
            compliance.ratingParameters(year, terms, today).forEach(q::setParameter);
            q.setParameter("unit", "S-R");
            return q.getResultList();
        }));
        report("HttpClient GET leaf employees?status=AT_RISK (JP, per-unit)", 100,
                get("/api/v1/compliance/units/S-4-7/employees?year=2026&status=AT_RISK"));
        try (AutoCloseable held = Sql.holdAdvisoryLock(dataSource, "pg_advisory_xact_lock_shared", ProjectionLock.KEY)) {
            clock.setJakarta(LocalDateTime.of(2026, 12, 1, 10, 0));
            report("HttpClient GET units/root (stale: live fallback)", liveRuns, get("/api/v1/compliance/units/S-R?year=2026"));
        }
        long d0 = System.nanoTime();
        Log.infof("SCALE day-change refresh %s in %d ms", refresher.refreshStale(), (System.nanoTime() - d0) / 1_000_000);

        // Consumer batches of 500 employee moves, with the figures kept, then without (ratings dropped).
        int next = 0;
        List<Double> kept = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            List<ConsumerRecord<byte[], byte[]>> batch = moves(b * 500, 500, 2, next);
            next += 500;
            long s = System.nanoTime();
            applier.apply(batch);
            kept.add((System.nanoTime() - s) / 1e6);
        }
        LocalDate today2 = TrainingCalendar.today(clock);
        Map<String, UnitFigures> live2 = tx(() -> compliance.liveFigures(root, year, terms, today2));
        Map<String, UnitFigures> pre2 = tx(() -> compliance.precomputedFigures(root, year, terms, today2).orElseThrow());
        Log.infof("SCALE after 3000 moves equal: %s", live2.equals(pre2));
        Sql.execute(dataSource, "DELETE FROM unit_year_rating");
        List<Double> without = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            List<ConsumerRecord<byte[], byte[]>> batch = moves(100_000 + b * 500, 500, 2, next);
            next += 500;
            long s = System.nanoTime();
            applier.apply(batch);
            without.add((System.nanoTime() - s) / 1e6);
        }
        Log.infof("SCALE batch of 500 employee moves: with figures %s ms; without %s ms", kept, without);
        clock.reset();
    }

    private List<ConsumerRecord<byte[], byte[]>> moves(int first, int count, long version, int offset) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int g = first + i + 1;
            String nip = "6" + String.format("%017d", g);
            String unit = "S-4-" + (1 + (g * 7) % 349);
            EmployeeUpserted e = new EmployeeUpserted(nip, "Pegawai " + g, EmploymentType.PNS, PositionLevel.PELAKSANA,
                    unit, LocalDate.of(2010, 1, 1), null, version, List.of(new UnitAssignment(unit,
                    LocalDate.of(2010, 1, 1))));
            CloudEvent<Object> event = CloudEvent.of(UUID.randomUUID().toString(), "/jpledger/test",
                    EventTypes.EMPLOYEE_UPSERTED_V1, nip, Instant.parse("2020-01-01T00:00:00Z"), e);
            try {
                records.add(new ConsumerRecord<>("scale-check", 0, offset + i, nip.getBytes(StandardCharsets.UTF_8),
                        mapper.writeValueAsBytes(event)));
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
        return records;
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    private Runnable get(String path) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", org.jpledger.localstack.TestTokens.everything()).build();
        return () -> {
            try {
                var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private <T> T tx(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().timeout(1200).call(work::get);
    }

    private static void report(String what, int runs, Runnable call) {
        try {
            measure(what, runs, call);
        } catch (RuntimeException e) {
            Log.infof("SCALE %s failed: %s", what, e);
        }
    }

    private static void measure(String what, int runs, Runnable call) {
        for (int i = 0; i < Math.min(runs <= 5 ? 1 : 5, runs); i++) {
            call.run();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            call.run();
            ms.add((System.nanoTime() - s) / 1e6);
        }
        Collections.sort(ms);
        Log.infof("SCALE %-70s n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", what, runs, ms.get(ms.size() / 2),
                ms.get((int) Math.ceil(ms.size() * 0.99) - 1), ms.get(ms.size() - 1));
    }
}

package org.jpledger.bench.read;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.jpledger.bench.Latency;
import org.jpledger.bench.Measurement;

/**
 * The naive alternative to the projections: the root's unit compliance (for each direct child over its subtree:
 * headcount, compliant count, rate against a flat target) computed the way a plain CRUD application would, with one
 * query at request time that walks the unit tree (recursive CTE), joins the employees, and groups the raw completion
 * rows of the year. It reads the record of truth's own table shapes: training-service's {@code unit},
 * {@code employee} and {@code completion} (province scale, its real database), or the same shapes loaded by
 * {@link NationalLoader} into a database of their own (national scale).
 *
 * <p>Statuses are not the same as reporting's (a flat target: no pro-rating for leavers, no per-type targets, no
 * "on track"), so only the headcounts are compared with reporting's; they must agree.
 */
public final class NaiveGroupBy {

    private static final Progress LOG = Progress.of(NaiveGroupBy.class);

    /** The query: {@code ?} = root, root, root, flat target JP, year, last day of year, first day of year. */
    static final String SQL = """
            WITH RECURSIVE tree(code, top) AS (
                SELECT code, code FROM unit WHERE parent_code = ? AND code <> ?
              UNION ALL
                SELECT u.code, t.top FROM unit u JOIN tree t ON u.parent_code = t.code
            ), scope(code, top) AS (
                SELECT code, top FROM tree
              UNION ALL
                SELECT CAST(? AS varchar), NULL
            )
            SELECT s.top, count(*) AS headcount, count(*) FILTER (WHERE jp.total >= ?) AS compliant
            FROM employee e
            JOIN scope s ON s.code = e.unit_code
            LEFT JOIN (SELECT c.nip, sum(c.recognized_jp) AS total
                       FROM completion c
                       WHERE c.training_year = ? AND c.status = 'ACTIVE'
                       GROUP BY c.nip) jp ON jp.nip = e.nip
            WHERE e.employed_from <= ? AND (e.employed_until IS NULL OR e.employed_until >= ?)
            GROUP BY s.top
            ORDER BY s.top NULLS FIRST""";

    /**
     * How many times to run it.
     *
     * @param runs     timed runs (at most)
     * @param warmups  untimed runs first
     * @param budget   timing stops after this long, once at least one run is timed
     * @param targetJp the flat target a CRUD application would hold everyone to
     */
    public record Options(int runs, int warmups, Duration budget, int targetJp) {

        /** 20 runs after 2 warm-ups, at most 5 minutes of timing, 20 JP. */
        public static Options defaults() {
            return new Options(20, 2, Duration.ofMinutes(5), Rating.DEFAULT_TARGET_JP);
        }
    }

    /** A child's figures; the root's own employees are under the key {@code ""}. */
    public record Figures(long headcount, long compliant) {

        public BigDecimal rate() {
            return headcount == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(compliant).divide(BigDecimal.valueOf(headcount), 4, java.math.RoundingMode.HALF_UP);
        }
    }

    /**
     * What a run gave.
     *
     * @param byChild figures per direct child of the root (its own employees under {@code ""})
     */
    public record Result(Measurement measurement, Map<String, Figures> byChild, long rootHeadcount,
            List<String> mismatches) {
    }

    private final Options options;

    public NaiveGroupBy(Options options) {
        this.options = options;
    }

    /**
     * Times the query over the database at {@code jdbcUrl}.
     *
     * @param apiRootHeadcount the root's headcount as reporting-service answers it, to compare; null to skip
     */
    public Result measure(String scale, String jdbcUrl, String user, String password, String rootUnit, int year,
            Long apiRootHeadcount) throws SQLException {
        return measure(scale, jdbcUrl, user, password, rootUnit, year, apiRootHeadcount, null);
    }

    /**
     * Times the query and holds reporting-service's figures to its answer: {@code apiFigures} gives a unit's
     * headcount and compliant count as reporting-service answers them (null to skip), compared for the root and for
     * every child of it the GROUP BY counts employees under.
     */
    public Result measure(String scale, String jdbcUrl, String user, String password, String rootUnit, int year,
            Long apiRootHeadcount, Function<String, Figures> apiFigures) throws SQLException {
        String key = "naive.unit-root." + scale;
        Histogram histogram = Percentiles.histogram();
        Map<String, Figures> answer = Map.of();
        long rawRows;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            // The planner's estimate (exact after the loader's ANALYZE): a count(*) would scan the table once more.
            rawRows = count(connection, "SELECT CAST(reltuples AS bigint) FROM pg_class"
                    + " WHERE oid = CAST('completion' AS regclass)");
            try (PreparedStatement query = connection.prepareStatement(SQL)) {
                query.setString(1, rootUnit);
                query.setString(2, rootUnit);
                query.setString(3, rootUnit);
                query.setBigDecimal(4, BigDecimal.valueOf(options.targetJp()));
                query.setInt(5, year);
                query.setObject(6, LocalDate.of(year, 12, 31));
                query.setObject(7, LocalDate.of(year, 1, 1));
                for (int w = 0; w < options.warmups(); w++) {
                    long t0 = System.nanoTime();
                    answer = run(query);
                    LOG.info("{}: warm-up run {} took {} ms", key, w + 1, (System.nanoTime() - t0) / 1_000_000);
                }
                long deadline = System.nanoTime() + options.budget().toNanos();
                for (int r = 0; r < options.runs() && (r == 0 || System.nanoTime() < deadline); r++) {
                    long t0 = System.nanoTime();
                    answer = run(query);
                    long took = System.nanoTime() - t0;
                    Percentiles.record(histogram, took);
                    LOG.info("{}: run {} took {} ms", key, r + 1, took / 1_000_000);
                }
            }
        }
        long headcount = answer.values().stream().mapToLong(Figures::headcount).sum();
        long compliant = answer.values().stream().mapToLong(Figures::compliant).sum();
        Latency latency = Percentiles.latency(histogram);
        StringBuilder note = new StringBuilder(String.format(Locale.ROOT, "one GROUP BY at query time over about %,d raw "
                        + "completion rows joined to employees and the unit tree (recursive CTE); %d runs timed after %d "
                        + "warm-up%s; flat target %d JP; answer: %d children, root headcount %,d, compliant %,d",
                rawRows, latency.samples(), options.warmups(), latency.samples() < options.runs() ? " (the "
                        + options.budget().toSeconds() + " s budget ran out)" : "", options.targetJp(),
                answer.size() - (answer.containsKey("") ? 1 : 0), headcount, compliant));
        if (apiRootHeadcount != null) {
            if (apiRootHeadcount == headcount) {
                note.append("; headcount equals reporting-service's for the root");
            } else {
                note.append(String.format(Locale.ROOT, "; HEADCOUNT MISMATCH: reporting-service says %,d for the root",
                        apiRootHeadcount));
            }
            LOG.info("{}: root headcount naive {} / reporting API {}", key, headcount, apiRootHeadcount);
        }
        List<String> mismatches = apiFigures == null ? List.of()
                : mismatches(answer, new Figures(headcount, compliant), rootUnit, apiFigures);
        if (apiFigures != null) {
            int children = answer.size() - (answer.containsKey("") ? 1 : 0);
            List<String> headcounts = mismatches.stream().filter(m -> m.contains("HEADCOUNT")).toList();
            if (headcounts.isEmpty()) {
                note.append(String.format(Locale.ROOT, "; exact: headcount equals reporting-service's for the root and "
                        + "each of its %d children", children));
            } else {
                note.append(String.format(Locale.ROOT, "; HEADCOUNT MISMATCH in %d of the root and its %d children "
                        + "(naive / reporting-service): %s", headcounts.size(), children,
                        String.join(", ", headcounts.subList(0, Math.min(5, headcounts.size())))));
            }
            List<String> compliants = mismatches.stream().filter(m -> !m.contains("HEADCOUNT")).toList();
            note.append(compliants.isEmpty() ? "; compliant equals reporting-service's for the root and each child"
                    : String.format(Locale.ROOT, "; compliant differs from reporting-service's for %d of them "
                            + "(naive flat %d JP target / reporting-service's policy): %s", compliants.size(),
                            options.targetJp(), String.join(", ", compliants.subList(0, Math.min(5,
                                    compliants.size())))));
            LOG.info("{}: exactness against reporting-service: {} mismatches {}", key, mismatches.size(), mismatches);
        }
        LOG.info("{}: p50 {} ms, p99 {} ms, {} runs", key, latency.p50Ms(), latency.p99Ms(), latency.samples());
        Measurement measurement = new Measurement(key, "Naive alternative: the root's unit compliance by a GROUP BY over "
                + "the raw completion table at query time, " + scale + " scale", latency.p99Ms(), "ms", latency, null,
                null, null, note.toString());
        return new Result(measurement, Collections.unmodifiableMap(answer), headcount, mismatches);
    }

    /**
     * Where reporting-service's figures differ from the GROUP BY's: the root's totals, then each child the GROUP BY
     * answered for (the root's own employees, key "", are in the root's totals only); one text per figure that
     * differs, a headcount's in capitals (it must never differ; the compliant count may, where reporting-service's
     * policy is not the GROUP BY's flat target).
     */
    static List<String> mismatches(Map<String, Figures> answer, Figures root, String rootUnit,
            Function<String, Figures> apiFigures) {
        List<String> mismatches = new ArrayList<>();
        Map<String, Figures> expected = new LinkedHashMap<>();
        expected.put(rootUnit, root);
        answer.forEach((child, figures) -> {
            if (!child.isEmpty()) {
                expected.put(child, figures);
            }
        });
        expected.forEach((unit, naive) -> {
            Figures api = apiFigures.apply(unit);
            if (naive.headcount() != api.headcount()) {
                mismatches.add(String.format(Locale.ROOT, "%s HEADCOUNT %,d / %,d", unit, naive.headcount(),
                        api.headcount()));
            }
            if (naive.compliant() != api.compliant()) {
                mismatches.add(String.format(Locale.ROOT, "%s compliant %,d / %,d", unit, naive.compliant(),
                        api.compliant()));
            }
        });
        return mismatches;
    }

    private static Map<String, Figures> run(PreparedStatement query) throws SQLException {
        Map<String, Figures> figures = new LinkedHashMap<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                String top = rs.getString(1);
                figures.put(top == null ? "" : top, new Figures(rs.getLong(2), rs.getLong(3)));
            }
        }
        return figures;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

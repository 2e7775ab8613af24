package org.jpledger.bench.read;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jpledger.bench.Measurement;
import org.jpledger.bench.TrainingSchema;
import org.jpledger.bench.read.NationalOrg.OrgUnit;
import org.jpledger.bench.read.NationalPeople.Completion;
import org.jpledger.bench.read.NationalPeople.Person;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.contracts.reference.TrainingMethod;

/**
 * Loads a generated national organisation with COPY, in one pass over the employees:
 * <ul>
 * <li>straight into reporting-service's projection tables ({@code unit}, {@code employee},
 * {@code employee_unit_history}, {@code employee_year} for the measured year and, by default, {@code completion_fact}
 * for the measured year's completions), which its compliance queries and exports read. The tables are emptied first
 * and their keys and indexes are taken off during the load and built again after it (see {@link IndexStash});</li>
 * <li>into a database of the naive alternative, training-service's record of truth built by its own migrations
 * ({@link TrainingSchema}), with every completion of both years in {@code completion} (the raw table a CRUD
 * application would group at query time) and that schema's keys and indexes, taken off during the load and built
 * again after it (see {@link KeyStash}).</li>
 * </ul>
 * Both databases are analyzed afterwards. Derived tables of reporting-service (pre-aggregated figures) are not written
 * here: the service computes them itself when started after the load (see {@link NationalBench#deriveAggregates}).
 * Reporting-service should not run while the load goes on.
 */
public final class NationalLoader {

    private static final Progress LOG = Progress.of(NationalLoader.class);

    /** Reporting-service's tables this loader fills; emptied first. */
    static final List<String> REPORTING_TABLES = List.of("unit", "employee", "employee_unit_history", "employee_year",
            "completion_fact");

    /** training-service's tables the naive database is filled in. */
    static final List<String> NAIVE_TABLES = List.of("unit", "employee", "completion");

    /** A database to connect to. */
    public record Database(String jdbcUrl, String user, String password) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, user, password);
        }
    }

    /**
     * What to generate and load.
     *
     * @param completionsPerEmployee raw completions per employee over the measured year and the one before (naive table)
     * @param reportingFacts         also load the measured year's completions into reporting's {@code completion_fact}
     *                               (the employee query lists them)
     * @param year                   the measured training year
     * @param today                  the day the statuses are aimed at (Asia/Jakarta)
     * @param sampleNips             employees in the targets of the employee query
     */
    public record Options(long seed, int employees, NationalOrg.Shape shape, int completionsPerEmployee,
            boolean reportingFacts, int year, LocalDate today, int sampleNips) {

        /** The national tree, 8 completions each, facts loaded, the current year as of today in Jakarta. */
        public static Options national(long seed, int employees) {
            LocalDate today = TrainingCalendar.today(java.time.Clock.systemUTC());
            return new Options(seed, employees, NationalOrg.Shape.national(), 8, true, today.getYear(), today, 1_000);
        }

        public Options withShape(NationalOrg.Shape shape) {
            return new Options(seed, employees, shape, completionsPerEmployee, reportingFacts, year, today, sampleNips);
        }

        public Options withCompletionsPerEmployee(int completions) {
            return new Options(seed, employees, shape, completions, reportingFacts, year, today, sampleNips);
        }

        public Options withReportingFacts(boolean facts) {
            return new Options(seed, employees, shape, completionsPerEmployee, facts, year, today, sampleNips);
        }
    }

    /**
     * What was loaded.
     *
     * @param rowsByTable  rows COPYed per table ({@code reporting.employee}, {@code naive.completion}, ...)
     * @param statusCounts employees per status the generator aimed at, by {@link Rating.Status} ordinal
     * @param measurements {@code load.national-copy} and {@code load.national-total}
     */
    public record Result(NationalOrg org, QueryTargets targets, long employees, Map<String, Long> rowsByTable,
            long[] statusCounts, double copySeconds, double indexSeconds, double totalSeconds,
            List<Measurement> measurements) {

        public long rows() {
            return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private NationalLoader() {
    }

    public static Result load(Options options, Database reporting, Database naive) throws SQLException {
        long started = System.nanoTime();
        NationalOrg org = NationalOrg.generate(options.shape(), options.seed());
        NationalPeople people = new NationalPeople(org, options.seed(), options.year(), options.today(),
                options.completionsPerEmployee());
        if (options.employees() > people.capacity()) {
            throw new IllegalArgumentException("at most " + people.capacity() + " employees get unique NIPs");
        }
        LOG.info("load: {} units, {} employees, {} raw completions each, year {}, statuses as of {}",
                org.units().size(), options.employees(), options.completionsPerEmployee(), options.year(),
                options.today());
        Map<String, Long> rows = new LinkedHashMap<>();
        List<IndexStash> stashes = new ArrayList<>();
        try (Connection reportingAdmin = reporting.connect(); Connection naiveAdmin = naive.connect()) {
            try (Statement sql = reportingAdmin.createStatement()) {
                sql.execute("TRUNCATE " + String.join(", ", REPORTING_TABLES));
            }
            for (String table : REPORTING_TABLES) {
                stashes.add(IndexStash.takeOff(reportingAdmin, table));
            }
            TrainingSchema.create(naive.jdbcUrl(), naive.user(), naive.password(), "public");
            KeyStash naiveKeys = KeyStash.takeOff(naiveAdmin, NAIVE_TABLES);

            long copyStarted = System.nanoTime();
            // The record of truth's columns without defaults, as a service would have stamped them.
            String stamp = OffsetDateTime.now(ZoneOffset.UTC).toString();
            copyUnits(org, reporting, naive, rows, stamp);
            long[] perUnit = new long[org.units().size()];
            long[] statuses = copyPeople(options, people, reporting, naive, rows, perUnit, stamp);
            double copySeconds = (System.nanoTime() - copyStarted) / 1e9;
            long copied = rows.values().stream().mapToLong(Long::longValue).sum();
            LOG.info(String.format(Locale.ROOT, "load: %,d rows COPYed in %.1f s = %.0f rows/s", copied, copySeconds,
                    copied / copySeconds));

            long indexStarted = System.nanoTime();
            CompletableFuture<Void> reportingIndexes = CompletableFuture.runAsync(() -> sql(() -> {
                try (Statement sql = reportingAdmin.createStatement()) {
                    sql.execute("SET maintenance_work_mem = '1GB'");
                }
                for (IndexStash stash : stashes) {
                    stash.putBack(reportingAdmin);
                }
                analyze(reportingAdmin, REPORTING_TABLES);
            }));
            CompletableFuture<Void> naiveIndexes = CompletableFuture.runAsync(() -> sql(() -> {
                try (Statement sql = naiveAdmin.createStatement()) {
                    sql.execute("SET maintenance_work_mem = '1GB'");
                }
                naiveKeys.putBack(naiveAdmin);
                analyze(naiveAdmin, NAIVE_TABLES);
            }));
            try {
                CompletableFuture.allOf(reportingIndexes, naiveIndexes).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
            double indexSeconds = (System.nanoTime() - indexStarted) / 1e9;
            double totalSeconds = (System.nanoTime() - started) / 1e9;
            LOG.info(String.format(Locale.ROOT, "load: keys and indexes built and tables analyzed in %.1f s; whole load "
                    + "%.1f s", indexSeconds, totalSeconds));

            QueryTargets targets = targets(options, org, people, perUnit);
            List<Measurement> measurements = List.of(
                    new Measurement("load.national-copy", "National load: COPY of the generated rows into reporting's "
                            + "tables and the naive raw tables, one pass", copied / copySeconds, "rows/s", null,
                            "reference.copy", null, null, String.format(Locale.ROOT, "%,d rows in %.1f s: the units, "
                                    + "then one pass over the employees feeding %d concurrent COPY streams from one "
                                    + "generator thread; keys and indexes off; %s", copied, copySeconds,
                                    rows.size() - 2, describe(rows))),
                    new Measurement("load.national-total", "National load, whole: generate, COPY, build keys and "
                            + "indexes, ANALYZE", copied / totalSeconds, "rows/s", null, null, null, null,
                            String.format(Locale.ROOT, "%,d rows in %.1f s (COPY %.1f s, keys and indexes and ANALYZE "
                                    + "%.1f s, both databases at once)", copied, totalSeconds, copySeconds,
                                    indexSeconds)));
            return new Result(org, targets, options.employees(), rows, statuses, copySeconds, indexSeconds,
                    totalSeconds, measurements);
        }
    }

    private static String describe(Map<String, Long> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach((table, count) -> text.append(text.isEmpty() ? "" : ", ").append(table).append(' ')
                .append(String.format(Locale.ROOT, "%,d", count)));
        return text.toString();
    }

    private static void analyze(Connection connection, List<String> tables) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            for (String table : tables) {
                sql.execute("ANALYZE " + table);
            }
        }
    }

    private static void copyUnits(NationalOrg org, Database reporting, Database naive, Map<String, Long> rows,
            String stamp) throws SQLException {
        try (Connection r = reporting.connect(); Connection n = naive.connect()) {
            try (CopyStream units = CopyStream.open(r, "unit", "code, name, parent_code, version");
                    CopyStream naiveUnits = CopyStream.open(n, "unit", "code, name, parent_code, version, updated_at")) {
                for (OrgUnit unit : org.units()) {
                    String parent = unit.parent() < 0 ? null : org.units().get(unit.parent()).code();
                    units.text(unit.code()).text(unit.name()).text(parent).number(1).endRow();
                    naiveUnits.text(unit.code()).text(unit.name()).text(parent).number(1).plain(stamp).endRow();
                }
                rows.put("reporting.unit", units.rows());
                rows.put("naive.unit", naiveUnits.rows());
            }
        }
    }

    /** The one pass over the employees, feeding every stream; returns the employees per aimed status. */
    private static long[] copyPeople(Options options, NationalPeople people, Database reporting, Database naive,
            Map<String, Long> rows, long[] perUnit, String stamp) throws SQLException {
        List<OrgUnit> units = people.org().units();
        int year = options.year();
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        long[] statuses = new long[Rating.Status.values().length];
        List<Connection> connections = new ArrayList<>();
        try {
            for (int c = 0; c < (options.reportingFacts() ? 4 : 3); c++) {
                connections.add(reporting.connect());
            }
            connections.add(naive.connect());
            connections.add(naive.connect());
            CopyStream employees = CopyStream.open(connections.get(0), "employee",
                    "nip, name, employment_type, position_level, unit_code, employed_from, employed_until, version");
            CopyStream history = CopyStream.open(connections.get(1), "employee_unit_history",
                    "nip, effective_from, unit_code");
            CopyStream years = CopyStream.open(connections.get(2), "employee_year",
                    "nip, year, unit_code, employment_type, position_level, window_from, window_until, total_jp, "
                            + "jp_teknis, jp_manajerial, jp_sosial_kultural, jp_klasikal, jp_nonklasikal, jp_luring, "
                            + "jp_daring, jp_blended, completion_count, last_completion_date");
            CopyStream facts = options.reportingFacts() ? CopyStream.open(connections.get(3), "completion_fact",
                    "completion_id, version, nip, year, recognized_jp, kind_id, method, competency_type, delivery_mode, "
                            + "title, provider, start_date, end_date, international, source_system, external_id, "
                            + "status, rule_version, void_reason, certificate_number") : null;
            int n = connections.size();
            CopyStream naiveEmployees = CopyStream.open(connections.get(n - 2), "employee",
                    "nip, name, employment_type, position_level, unit_code, employed_from, employed_until, "
                            + "leaving_reason, version, updated_at");
            CopyStream naiveCompletions = CopyStream.open(connections.get(n - 1), "completion",
                    "id, version, nip, title, kind_id, method, competency_type, delivery_mode, provider, start_date, "
                            + "end_date, training_year, jp, international, recognized_jp, certificate_number, "
                            + "source_system, external_id, status, void_reason, recorded_at, updated_at, recorded_by");
            List<CopyStream> streams = new ArrayList<>(List.of(employees, history, years));
            if (facts != null) {
                streams.add(facts);
            }
            streams.add(naiveEmployees);
            streams.add(naiveCompletions);

            long started = System.nanoTime();
            long step = Math.max(1, options.employees() / 20);
            int[] halves = new int[8];
            for (long i = 0; i < options.employees(); i++) {
                Person p = people.person(i);
                String unit = units.get(p.unit()).code();
                perUnit[p.unit()]++;
                statuses[p.status().ordinal()]++;
                employees.text(p.nip()).text(p.name()).plain(p.employmentType()).plain(p.positionLevel()).text(unit)
                        .date(p.employedFrom()).date(p.employedUntil()).number(1).endRow();
                history.text(p.nip()).date(p.employedFrom()).text(unit).endRow();
                // A leaver has no stated reason here: stored as training-service stores one (its table requires one).
                naiveEmployees.text(p.nip()).text(p.name()).plain(p.employmentType()).plain(p.positionLevel())
                        .text(unit).date(p.employedFrom()).date(p.employedUntil())
                        .plain(p.employedUntil() == null ? null : LeavingReason.LAINNYA).number(1).plain(stamp).endRow();

                // halves: teknis, manajerial, sosial-kultural, klasikal, nonklasikal, luring, daring, blended
                java.util.Arrays.fill(halves, 0);
                int counted = 0;
                LocalDate last = null;
                for (Completion c : p.completions()) {
                    String status = c.voided() ? "VOIDED" : "ACTIVE";
                    String jp = NationalPeople.jp(c.jpHalves());
                    naiveCompletions.plain(c.id()).number(c.voided() ? 2 : 1).text(p.nip()).text(c.title())
                            .number(c.kind().id()).plain(c.kind().method()).plain(c.competencyType())
                            .plain(c.deliveryMode()).text(c.provider()).date(c.startDate()).date(c.endDate())
                            .number(c.year()).plain(jp).bool(c.international()).plain(jp).text(c.certificateNumber())
                            .text(c.sourceSystem()).text(c.externalId()).plain(status)
                            .text(c.voided() ? "Duplikat" : null).plain(stamp).plain(stamp).text(c.sourceSystem())
                            .endRow();
                    if (c.year() != year) {
                        continue;
                    }
                    if (facts != null) {
                        facts.plain(c.id()).number(c.voided() ? 2 : 1).text(p.nip()).number(year).plain(jp)
                                .number(c.kind().id()).plain(c.kind().method()).plain(c.competencyType())
                                .plain(c.deliveryMode()).text(c.title()).text(c.provider()).date(c.startDate())
                                .date(c.endDate()).bool(c.international()).text(c.sourceSystem()).text(c.externalId())
                                .plain(status).number(1).text(c.voided() ? "Duplikat" : null)
                                .text(c.certificateNumber()).endRow();
                    }
                    if (c.voided()) {
                        continue;
                    }
                    counted++;
                    halves[c.competencyType().ordinal()] += c.jpHalves();
                    halves[c.kind().method() == TrainingMethod.KLASIKAL ? 3 : 4] += c.jpHalves();
                    halves[5 + c.deliveryMode().ordinal()] += c.jpHalves();
                    if (last == null || c.endDate().isAfter(last)) {
                        last = c.endDate();
                    }
                }
                years.text(p.nip()).number(year).text(unit).plain(p.employmentType()).plain(p.positionLevel())
                        .date(yearStart).date(p.employedUntil() == null ? yearEnd : p.employedUntil())
                        .plain(NationalPeople.jp(p.totalHalves()));
                for (int h : halves) {
                    years.plain(NationalPeople.jp(h));
                }
                years.number(counted).date(last).endRow();

                if ((i + 1) % step == 0) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    long sent = streams.stream().mapToLong(CopyStream::rows).sum();
                    LOG.info(String.format(Locale.ROOT, "load: %,d of %,d employees, %,d rows sent, %.0f s, %.0f rows/s",
                            i + 1, options.employees(), sent, seconds, sent / seconds));
                }
            }
            for (CopyStream stream : streams) {
                stream.close();
            }
            rows.put("reporting.employee", employees.rows());
            rows.put("reporting.employee_unit_history", history.rows());
            rows.put("reporting.employee_year", years.rows());
            if (facts != null) {
                rows.put("reporting.completion_fact", facts.rows());
            }
            rows.put("naive.employee", naiveEmployees.rows());
            rows.put("naive.completion", naiveCompletions.rows());
            return statuses;
        } finally {
            for (Connection connection : connections) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.warn("could not close a COPY connection: {}", e.getMessage());
                }
            }
        }
    }

    /** The employee sample spread over the index range, the largest leaf and the largest province. */
    private static QueryTargets targets(Options options, NationalOrg org, NationalPeople people, long[] perUnit) {
        List<String> nips = new ArrayList<>();
        int sample = Math.min(options.sampleNips(), options.employees());
        for (int k = 0; k < sample; k++) {
            nips.add(people.person((long) k * options.employees() / sample).nip());
        }
        long[] subtree = perUnit.clone();
        List<OrgUnit> units = org.units();
        for (int u = units.size() - 1; u > 0; u--) {
            subtree[units.get(u).parent()] += subtree[u];
        }
        int leafLevel = org.shape().leafLevel();
        int leaf = -1;
        int mid = -1;
        for (OrgUnit unit : units) {
            if (unit.level() == leafLevel && (leaf < 0 || perUnit[unit.index()] > perUnit[leaf])) {
                leaf = unit.index();
            }
            if (unit.level() == 1 && (mid < 0 || subtree[unit.index()] > subtree[mid])) {
                mid = unit.index();
            }
        }
        return new QueryTargets(options.year(), nips, units.get(leaf).code(), units.get(mid).code(), org.root().code());
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    private static void sql(SqlWork work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}

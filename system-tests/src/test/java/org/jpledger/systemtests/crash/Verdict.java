package org.jpledger.systemtests.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks after a crash run has drained, each computed from scratch: what the clients saw acknowledged against
 * training-service's tables, and reporting-service's projections against training-service's tables.
 */
final class Verdict {

    /** One check: what it holds, whether it held, and the evidence. */
    record Check(String name, boolean passed, String detail) {
    }

    private final CrashStack stack;
    private final Workload workload;
    private final RetryingHttp reporting;
    private final List<Check> checks = new ArrayList<>();

    Verdict(CrashStack stack, Workload workload) {
        this.stack = stack;
        this.workload = workload;
        this.reporting = new RetryingHttp(stack.reportingUrl(), stack.bearer());
    }

    /**
     * Waits until nothing is left to publish and reporting-service holds every completion and employee version that
     * training-service holds; the time it took, or null if it did not within {@code patience}.
     */
    Duration awaitDrained(Duration patience) throws SQLException {
        long started = System.nanoTime();
        long deadline = started + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection training = stack.database("training"); Connection reporting = stack.database("reporting")) {
                if (count(training, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0
                        && rows(training, "SELECT id, version FROM completion").equals(
                                rows(reporting, "SELECT completion_id, version FROM completion_fact"))
                        && rows(training, "SELECT nip, version FROM employee").equals(
                                rows(reporting, "SELECT nip, version FROM employee"))) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            }
            Pause.of(Duration.ofSeconds(2));
        }
        return null;
    }

    /** Runs every check; the list says which held. */
    List<Check> run() throws SQLException {
        try (Connection training = stack.database("training"); Connection reporting = stack.database("reporting")) {
            checkAcknowledgedCompletions(training);
            checkAcknowledgedEmployees(training);
            check("no outbox row left unpublished", count(training,
                    "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0, "");
            checkFactsMirrorRecords(training, reporting);
            long parked = count(reporting, "SELECT count(*) FROM parked_event");
            long held = count(reporting, "SELECT count(*) FROM held_event");
            check("nothing parked or held in reporting-service", parked == 0 && held == 0,
                    parked + " parked, " + held + " held");
            checkProjections(training);
        }
        return checks;
    }

    private void checkAcknowledgedCompletions(Connection training) throws SQLException {
        Map<String, List<String>> stored = new HashMap<>();
        try (Statement s = training.createStatement(); ResultSet r = s.executeQuery(
                "SELECT external_id, id, version, title, jp, status FROM completion WHERE source_system = '"
                        + Workload.SOURCE + "'")) {
            while (r.next()) {
                stored.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(String.join("|", r.getString(2),
                        r.getString(4), r.getBigDecimal(5).stripTrailingZeros().toPlainString(), r.getString(6))
                        + "@" + r.getLong(3));
            }
        }
        List<String> wrong = new ArrayList<>();
        for (Workload.Acked acked : workload.completions.values()) {
            String expected = String.join("|", acked.id().toString(), acked.title(),
                    acked.jp().stripTrailingZeros().toPlainString(), acked.voided() ? "VOIDED" : "ACTIVE");
            List<String> found = stored.getOrDefault(acked.externalId(), List.of());
            // The content as last acknowledged, at that version or a later one the service made itself (a
            // possible-duplicate flag raised or cleared is a REVIEWED version of the same content).
            if (found.size() != 1 || !found.get(0).startsWith(expected + "@")
                    || Long.parseLong(found.get(0).substring(expected.length() + 1)) < acked.version()) {
                wrong.add(acked.externalId() + " expected " + expected + " found " + found);
            }
        }
        int records = stored.values().stream().mapToInt(List::size).sum();
        check("every acknowledged completion exists exactly once in training-service, as last acknowledged",
                wrong.isEmpty(), workload.completions.size() + " acknowledged; " + wrong.size() + " wrong "
                        + sample(wrong));
        check("training-service holds no completion beyond the acknowledged ones",
                records == workload.completions.size(), records + " stored, " + workload.completions.size()
                        + " acknowledged");
    }

    private void checkAcknowledgedEmployees(Connection training) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (Statement s = training.createStatement();
                ResultSet r = s.executeQuery("SELECT nip, position_level, unit_code FROM employee")) {
            while (r.next()) {
                stored.put(r.getString(1), r.getString(2) + "|" + r.getString(3));
            }
        }
        List<String> wrong = new ArrayList<>();
        workload.employees.values().forEach(e -> {
            if (!Objects.equals(stored.get(e.nip()), e.level() + "|" + e.unit())) {
                wrong.add(e.nip() + " expected " + e.level() + "|" + e.unit() + " found " + stored.get(e.nip()));
            }
        });
        check("every acknowledged employee change is the employee's state in training-service", wrong.isEmpty(),
                workload.employees.size() + " employees; " + wrong.size() + " wrong " + sample(wrong));
    }

    private void checkFactsMirrorRecords(Connection training, Connection reporting) throws SQLException {
        Set<String> records = rows(training,
                "SELECT id, version, nip, training_year, recognized_jp::numeric(9,2), status FROM completion");
        Set<String> facts = rows(reporting,
                "SELECT completion_id, version, nip, year, recognized_jp::numeric(9,2), status FROM completion_fact");
        Set<String> missing = new HashSet<>(records);
        missing.removeAll(facts);
        Set<String> extra = new HashSet<>(facts);
        extra.removeAll(records);
        check("every completion version of training-service is reflected once in reporting-service",
                missing.isEmpty() && extra.isEmpty() && records.size() == facts.size(),
                records.size() + " records, " + facts.size() + " facts; missing " + sample(List.copyOf(missing))
                        + "; unexpected " + sample(List.copyOf(extra)));
    }

    /** Employee totals, statuses and unit roll-ups of the API, against sums over training-service's tables. */
    private void checkProjections(Connection training) throws SQLException {
        int year = Workload.YEAR;
        Map<String, BigDecimal> total = new HashMap<>();
        Map<String, Long> count = new HashMap<>();
        try (Statement s = training.createStatement(); ResultSet r = s.executeQuery(
                "SELECT nip, sum(recognized_jp), count(*) FROM completion WHERE status = 'ACTIVE' AND training_year = "
                        + year + " GROUP BY nip")) {
            while (r.next()) {
                total.put(r.getString(1), r.getBigDecimal(2));
                count.put(r.getString(1), r.getLong(3));
            }
        }
        Map<String, String[]> employee = new HashMap<>();
        try (Statement s = training.createStatement(); ResultSet r = s.executeQuery("""
                SELECT e.nip, e.employment_type, e.position_level,
                       (SELECT a.unit_code FROM employee_unit_assignment a WHERE a.nip = e.nip
                        ORDER BY (a.effective_from <= make_date(%d, 12, 31)) DESC,
                                 CASE WHEN a.effective_from <= make_date(%d, 12, 31) THEN a.effective_from END DESC,
                                 a.effective_from
                        LIMIT 1)
                FROM employee e""".formatted(year, year))) {
            while (r.next()) {
                employee.put(r.getString(1), new String[] {r.getString(2), r.getString(3), r.getString(4)});
            }
        }
        JsonNode policy = reporting.get("/api/v1/policies/" + year).body();
        Function<String[], BigDecimal> target = e -> {
            JsonNode byLevel = policy.path("targetByPositionLevel").path(e[1]);
            JsonNode byType = policy.path("targetByEmploymentType").path(e[0]);
            return new BigDecimal((byLevel.isMissingNode() || byLevel.isNull()
                    ? byType.isMissingNode() || byType.isNull() ? policy.get("targetJp") : byType : byLevel).asText());
        };

        Map<String, JsonNode> listed = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = reporting.get("/api/v1/compliance/units/" + Workload.ROOT + "/employees?year=" + year
                    + "&limit=500" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor,
                            StandardCharsets.UTF_8))).body();
            page.get("items").forEach(item -> listed.put(item.get("nip").asText(), item));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);

        List<String> wrong = new ArrayList<>();
        Map<String, String> status = new HashMap<>();
        for (Map.Entry<String, String[]> e : employee.entrySet()) {
            String nip = e.getKey();
            BigDecimal sum = total.getOrDefault(nip, BigDecimal.ZERO);
            BigDecimal goal = target.apply(e.getValue());
            status.put(nip, sum.compareTo(goal) >= 0 ? "COMPLIANT" : "NOT_MET");
            JsonNode row = listed.get(nip);
            String expected = e.getValue()[2] + " " + plain(sum) + " JP, " + count.getOrDefault(nip, 0L) + " completions, "
                    + "target " + plain(goal) + " " + status.get(nip);
            String found = row == null ? "absent" : row.get("unitCode").asText() + " "
                    + plain(row.get("totalJp").decimalValue()) + " JP, " + row.get("completionCount").asLong()
                    + " completions, target " + plain(row.get("targetJp").decimalValue()) + " " + row.get("status").asText();
            if (!expected.equals(found)) {
                wrong.add(nip + ": expected " + expected + ", API says " + found);
            }
        }
        check("each employee's unit, total, count, target and status equal sums over training-service's tables",
                wrong.isEmpty() && listed.size() == employee.size(), employee.size() + " employees, "
                        + listed.size() + " listed; " + wrong.size() + " differ " + sample(wrong));

        List<String> wrongUnits = new ArrayList<>();
        for (String unit : workload.units().keySet()) {
            long headcount = 0;
            long compliant = 0;
            BigDecimal jp = BigDecimal.ZERO;
            for (Map.Entry<String, String[]> e : employee.entrySet()) {
                if (within(e.getValue()[2], unit)) {
                    headcount++;
                    compliant += status.get(e.getKey()).equals("COMPLIANT") ? 1 : 0;
                    jp = jp.add(total.getOrDefault(e.getKey(), BigDecimal.ZERO));
                }
            }
            JsonNode figures = reporting.get("/api/v1/compliance/units/" + unit + "?year=" + year).body()
                    .at("/unit/figures");
            String expected = headcount + " employees, " + compliant + " compliant, " + (headcount - compliant)
                    + " not met, " + plain(jp) + " JP";
            String found = figures.get("headcount").asLong() + " employees, " + figures.get("compliant").asLong()
                    + " compliant, " + figures.get("notMet").asLong() + " not met, "
                    + plain(figures.get("totalJp").decimalValue()) + " JP";
            if (!expected.equals(found)) {
                wrongUnits.add(unit + ": expected " + expected + ", API says " + found);
            }
        }
        check("each unit's roll-up over its subtree equals the sum over training-service's tables",
                wrongUnits.isEmpty(), workload.units().size() + " units; " + wrongUnits.size() + " differ "
                        + sample(wrongUnits));
    }

    private boolean within(String unit, String root) {
        for (String u = unit; u != null; u = workload.units().get(u)) {
            if (u.equals(root)) {
                return true;
            }
        }
        return false;
    }

    private void check(String name, boolean passed, String detail) {
        checks.add(new Check(name, passed, detail));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String sample(List<String> wrong) {
        return wrong.isEmpty() ? "" : "e.g. " + wrong.subList(0, Math.min(3, wrong.size()));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Each row as its columns joined with '|'. */
    private static Set<String> rows(Connection connection, String sql) throws SQLException {
        Set<String> rows = new HashSet<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}

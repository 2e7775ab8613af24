package org.jpledger.systemtests.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jpledger.systemtests.ProjectRoot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An import job of 20,000 CSV rows (many batches) is submitted, training-service is killed with SIGKILL while the job
 * runs with some rows committed, and started again on its data: the job resumes and ends COMPLETED with every row
 * recorded exactly once (created, existing and errors adding up to the rows; no externalId twice; each bad row once in
 * the error report), and reporting-service's projections agree with training-service's tables. Writes
 * {@code crash-report-import-job.md} beside the other crash reports.
 */
@Tag("slow") // a minute or more alone: left out by -Pquick
class ImportCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(ImportCrashTest.class);
    private static final int ROWS = 20_000;
    /** Rows committed (four batches of 500) before the kill, so that the job resumes from a cursor well inside. */
    private static final int KILL_AFTER_ROWS = 2_000;
    private static final int EMPLOYEES = 100;
    private static final String SOURCE = "crash-import";
    private static final String JOBS = "/api/v1/completions/imports";
    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "CANCELLED");

    @TempDir
    Path work;

    @Test
    void anImportJobKilledMidWayResumesAfterTheRestartAndRecordsEveryRowExactlyOnce() throws Exception {
        long started = System.nanoTime();
        Path root = ProjectRoot.path();
        try (CrashStack stack = CrashStack.start(work, root, 1)) {
            long ready = System.nanoTime();
            Workload workload = new Workload(new Workload.Settings(0, EMPLOYEES, 1, 24L));
            RetryingHttp training = new RetryingHttp(stack.trainingUrl(), stack.bearer());
            workload.setUp(training);
            ImportFile file = ImportFile.of(workload.employees.keySet().stream().sorted().toList(), ROWS, SOURCE,
                    Workload.YEAR);

            RetryingHttp.Answer submitted = training.send("POST", JOBS + "?format=csv", file.bytes(), "text/csv");
            assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(202);
            String id = submitted.body().get("id").asText();
            long load = System.nanoTime();

            // Killed only once some batches are committed and before the last: the resume has something on each side.
            JsonNode killedAt = awaitJob(training, id, job -> FINISHED.contains(job.get("state").asText())
                    || job.get("state").asText().equals("RUNNING") && job.get("rowsRead").asLong() >= KILL_AFTER_ROWS,
                    Duration.ofMinutes(3));
            assertThat(killedAt.get("state").asText()).as("the job ran long enough to be killed: %s", killedAt)
                    .isEqualTo("RUNNING");
            CrashStack.Victim service = stack.victims().stream()
                    .filter(victim -> victim.name().equals("training-service")).findFirst().orElseThrow();
            service.kill().run();
            long killed = System.nanoTime();
            service.restart().run();
            long restarted = System.nanoTime();

            JsonNode job = awaitJob(training, id, j -> FINISHED.contains(j.get("state").asText()),
                    Duration.ofMinutes(5));
            long finished = System.nanoTime();
            assertThat(job.get("state").asText()).as("%s", job).isEqualTo("COMPLETED");
            assertThat(job.get("rowsRead").asLong()).isEqualTo(ROWS);
            assertThat(job.get("created").asLong() + job.get("existing").asLong() + job.get("errors").asLong())
                    .as("created + existing + errors").isEqualTo(ROWS);
            assertThat(job.get("created").asLong()).isEqualTo(file.externalIds().size());
            assertThat(job.get("existing").asLong()).isEqualTo(file.repeatedRows());
            assertThat(job.get("errors").asLong()).isEqualTo(file.badRows().size());

            try (Connection database = stack.database("training")) {
                Map<String, Long> stored = countsByExternalId(database);
                assertThat(stored.values()).as("completions per externalId").allMatch(count -> count == 1);
                assertThat(stored.keySet()).as("the file's externalIds, each recorded")
                        .isEqualTo(new TreeSet<>(file.externalIds()));
            }
            assertThat(reportedRows(training.text(JOBS + "/" + id + "/errors")))
                    .as("the bad rows, each once in the error report").containsExactlyElementsOf(file.badRows());

            Verdict verdict = new Verdict(stack, workload);
            Duration drained = verdict.awaitDrained(Duration.ofMinutes(5));
            assertThat(drained).as("reporting-service caught up within 5 minutes").isNotNull();
            List<Verdict.Check> checks = verdict.run();
            String report = report(killedAt, job, checks, seconds(ready - started), seconds(killed - load),
                    seconds(restarted - killed), seconds(finished - restarted), drained,
                    seconds(System.nanoTime() - started));
            Path reports = Files.createDirectories(root.resolve("system-tests/target"));
            Files.writeString(reports.resolve("crash-report-import-job.md"), report);
            LOG.info("\n{}", report);
            assertThat(checks.stream().filter(check -> !check.passed()).toList()).as(report).isEmpty();
        }
    }

    /** Polls the job until {@code until} holds of it, often enough to catch it between two batches. */
    private static JsonNode awaitJob(RetryingHttp http, String id, Predicate<JsonNode> until, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            RetryingHttp.Answer answer = http.get(JOBS + "/" + id);
            assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
            job = answer.body();
            if (until.test(job)) {
                return job;
            }
            Pause.of(Duration.ofMillis(50));
        }
        throw new AssertionError("the job did not get there within " + patience + "; last seen: " + job);
    }

    private static Map<String, Long> countsByExternalId(Connection database) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Statement s = database.createStatement(); ResultSet r = s.executeQuery(
                "SELECT external_id, count(*) FROM completion WHERE source_system = '" + SOURCE
                        + "' GROUP BY external_id")) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        }
        return counts;
    }

    /** The row numbers of an error report ({@code row,column,status,detail}), in its order, one per refused row. */
    private static List<Long> reportedRows(String csv) {
        List<Long> rows = new ArrayList<>();
        csv.lines().skip(1).filter(line -> !line.isBlank()).map(line -> Long.parseLong(line.split(",", 2)[0]))
                .forEach(row -> {
                    if (rows.isEmpty() || !rows.get(rows.size() - 1).equals(row)) {
                        rows.add(row);
                    }
                });
        return rows;
    }

    private static String report(JsonNode killedAt, JsonNode job, List<Verdict.Check> checks, double startup,
            double beforeKill, double restart, double resumed, Duration drained, double total) {
        StringBuilder r = new StringBuilder("### Crash run `import-job`\n\n");
        r.append("- Job: %,d CSV rows (%,d bytes), training-service SIGKILLed at %,d rows read (%s)\n".formatted(ROWS,
                job.get("fileBytes").asLong(), killedAt.get("rowsRead").asLong(), killedAt.get("state").asText()));
        r.append("- Outcome: %s, %,d rows read, %,d created, %,d existing, %,d errors, %s rows/s\n".formatted(
                job.get("state").asText(), job.get("rowsRead").asLong(), job.get("created").asLong(),
                job.get("existing").asLong(), job.get("errors").asLong(), job.path("rowsPerSecond").asText()));
        r.append("- Time: stack start %.0f s, submit to kill %.1f s, restart %.0f s, restart to COMPLETED %.1f s, "
                .formatted(startup, beforeKill, restart, resumed))
                .append("reporting drained %.1f s later, whole test %.0f s\n\n".formatted(drained.toMillis() / 1e3,
                        total));
        return r.append(CrashRun.table(checks)).toString();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /**
     * The CSV file: one row a completion, except every 50th, which repeats the row before it (recorded as existing),
     * and every 100th, which names an employee nobody has (an error of its row).
     */
    record ImportFile(byte[] bytes, List<String> externalIds, int repeatedRows, List<Long> badRows) {

        static ImportFile of(List<String> nips, int rows, String source, int year) {
            StringBuilder csv = new StringBuilder(
                    "nip,title,kindId,competencyType,deliveryMode,provider,startDate,endDate,jp,sourceSystem,externalId\n");
            List<String> externalIds = new ArrayList<>();
            List<Long> bad = new ArrayList<>();
            int repeated = 0;
            String previous = null;
            for (int i = 1; i <= rows; i++) {
                String row;
                if (i % 100 == 0) {
                    row = "199001012015011999,Pelatihan tanpa pegawai " + i + ",3,TEKNIS,DARING,BPSDMD," + year
                            + "-02-03," + year + "-02-03,2," + source + ",bad-" + i;
                    bad.add((long) i); // numbered from the first row after the header
                } else if (i % 50 == 0 && previous != null) {
                    row = previous;
                    repeated++;
                } else {
                    String externalId = "imp-" + i;
                    LocalDate start = LocalDate.of(year, 1, 2).plusDays(i % 330);
                    row = nips.get(i % nips.size()) + ",Pelatihan impor " + i + ",3,"
                            + (i % 2 == 0 ? "TEKNIS" : "MANAJERIAL") + ",DARING,BPSDMD," + start + "," + start + ","
                            + (1 + i % 8) + "," + source + "," + externalId;
                    externalIds.add(externalId);
                }
                csv.append(row).append('\n');
                previous = row;
            }
            return new ImportFile(csv.toString().getBytes(StandardCharsets.UTF_8), externalIds, repeated, bad);
        }
    }
}

package org.jpledger.bench.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jpledger.bench.Measurement;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The national read path end to end at a small scale (20,000 employees, 505 units) against the packaged services: the
 * load, reporting-service's start on the loaded rows, every query kind, the naive GROUP BY and the export.
 *
 * <p>The jars are {@code -Djpledger.bench.training-jar=...} and {@code -Djpledger.bench.reporting-jar=...}, by default
 * the modules' {@code target/quarkus-app/quarkus-run.jar}.
 */
@Tag("slow") // minutes alone: left out by -Pquick
class NationalBenchTest {

    private static final int EMPLOYEES = 20_000;

    /**
     * Loads every class of the benchmark's main output up front: the run takes minutes, and a concurrent build of the
     * module may empty its classes directory meanwhile (then a class first needed late would be missing).
     */
    @BeforeAll
    static void loadClassesUpFront() throws Exception {
        Path classes = Path.of(NationalBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isDirectory(classes)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.');
            Class.forName(name.substring(0, name.length() - ".class".length()), false,
                    NationalBench.class.getClassLoader());
        }
    }

    @Test
    void measuresTheNationalReadPathAtASmallScale() {
        Path project = Path.of(System.getProperty("jpledger.project.root", ".."));
        Path trainingJar = jar("jpledger.bench.training-jar",
                project.resolve("training-service/target/quarkus-app/quarkus-run.jar"));
        Path reportingJar = jar("jpledger.bench.reporting-jar",
                project.resolve("reporting-service/target/quarkus-app/quarkus-run.jar"));
        NationalBench.Options defaults = NationalBench.Options.defaults(20_261_130L, EMPLOYEES);
        NationalBench.Options options = new NationalBench.Options(
                defaults.load().withShape(new NationalOrg.Shape(4, List.of(5, 4, 5))),
                defaults.query().withRequests(300, 30).withBudgets(Duration.ofSeconds(20), Duration.ofSeconds(10)),
                new NaiveGroupBy.Options(5, 1, Duration.ofSeconds(30), Rating.DEFAULT_TARGET_JP));

        NationalBench.Report report = NationalBench.run(Path.of("target/national-bench-test"), options, trainingJar,
                reportingJar);

        List<Measurement> measurements = report.measurements();
        measurements.forEach(m -> System.out.println("NationalBenchTest: " + m));
        assertThat(measurements).extracting(Measurement::key).containsExactly(
                "load.national-copy", "load.national-total", "export.rate.national", "export.heap.national",
                "query.employee.national", "query.unit-leaf.national", "query.unit-mid.national",
                "query.unit-root.national", "query.behind-root.national", "query.breakdown-root.national",
                "query.search-root.national", "query.summary.national",
                "naive.unit-root.national");
        for (Measurement m : measurements) {
            assertThat(m.value()).as(m.key()).isPositive();
            if (m.key().startsWith("query.") || m.key().startsWith("naive.")) {
                assertThat(m.latency()).as(m.key()).isNotNull();
                assertThat(m.latency().samples()).as(m.key()).isPositive();
                assertThat(m.latency().p50Ms()).as(m.key()).isPositive();
                assertThat(m.latency().p95Ms()).as(m.key()).isGreaterThanOrEqualTo(m.latency().p50Ms());
                assertThat(m.latency().p99Ms()).as(m.key()).isGreaterThanOrEqualTo(m.latency().p95Ms());
                assertThat(m.latency().maxMs()).as(m.key()).isGreaterThanOrEqualTo(m.latency().p99Ms());
            }
        }
        assertThat(report.load().employees()).isEqualTo(EMPLOYEES);
        assertThat(report.load().org().units()).hasSize(505);
        assertThat(report.load().rowsByTable()).containsEntry("reporting.employee_year", (long) EMPLOYEES)
                .containsEntry("naive.completion", 8L * EMPLOYEES);
        // The API counts every loaded employee at the root, and rates them as the generator aimed.
        Map<String, Long> root = report.apiRootFigures();
        assertThat(root).containsEntry("headcount", (long) EMPLOYEES);
        long[] aimed = report.load().statusCounts();
        assertThat(root).containsEntry("compliant", aimed[Rating.Status.COMPLIANT.ordinal()])
                .containsEntry("onTrack", aimed[Rating.Status.ON_TRACK.ordinal()])
                .containsEntry("atRisk", aimed[Rating.Status.AT_RISK.ordinal()])
                .containsEntry("notMet", aimed[Rating.Status.NOT_MET.ordinal()]);
        assertThat(report.naiveRootHeadcount()).isEqualTo(EMPLOYEES);
        // The root's and every child's headcount agree with the naive GROUP BY's; the compliant counts are compared.
        assertThat(report.naiveMismatches()).noneMatch(m -> m.contains("HEADCOUNT"));
        assertThat(measurements.stream().filter(m -> m.key().equals("naive.unit-root.national")).findFirst()
                .orElseThrow().note()).contains("exact: headcount equals reporting-service's for the root and each of "
                        + "its 4 children").contains("compliant");
        assertThat(measurements.stream().filter(m -> m.key().equals("export.heap.national")).findFirst().orElseThrow()
                .targetMet()).isTrue();
    }

    private static Path jar(String property, Path fallback) {
        Path jar = Path.of(System.getProperty(property, fallback.toString()));
        assertThat(Files.isRegularFile(jar)).as(jar + " (build it, or point " + property + " at a copy)").isTrue();
        return jar;
    }
}

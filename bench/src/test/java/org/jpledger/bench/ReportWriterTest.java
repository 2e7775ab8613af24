package org.jpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static final Measurement JDBC = new Measurement("reference.jdbc-batch", "Raw batched JDBC", 70_000,
            "rows/s", null, null, null, null, "one connection");
    private static final Measurement BATCH = new Measurement("ingest.batch", "Batch ingest", 21_000, "completions/s",
            null, "reference.jdbc-batch", "≥ 25% of raw batched JDBC", true, "4 clients");
    private static final Measurement SINGLE = new Measurement("ingest.single", "Single POST", 1_500, "completions/s",
            new Latency(9.5, 30.25, 61.0, 120.0, 90_000), null, "≥ 2,000/s and p99 < 50 ms", false, "32 clients");
    private static final Measurement NAIVE = new Measurement("naive.unit-root.province", "Naive", 800, "ms",
            new Latency(700, 790, 800, 810, 20), null, null, null, "GROUP BY");
    private static final Measurement ROOT = new Measurement("query.unit-root.province", "Root unit", 8, "ms",
            new Latency(3, 6, 8, 12, 2000), "naive.unit-root.province", "p99 < 20 ms", true, "API");
    private static final RunInfo RUN = new RunInfo("2026-11-30T18:00:00Z", "./benchmark --skip-national", 7,
            "province of 300,000 employees", "abc1234", "repository", "PostgreSQL 15.17, Kafka 4.1.1",
            new MachineInfo("AMD EPYC", 2, 23.4, "Debian 17.0.15", "Linux"), 4000, List.of("co-located"), null);

    private static final List<Measurement> ALL = List.of(JDBC, BATCH, SINGLE, NAIVE, ROOT);

    @Test
    void dividesAFigureByItsReference() {
        assertThat(ReportWriter.ratio(BATCH, ReportWriter.byKey(ALL))).isEqualTo(0.3);
        assertThat(ReportWriter.ratio(ROOT, ReportWriter.byKey(ALL))).isEqualTo(0.01);
    }

    @Test
    void hasNoRatioWithoutAMeasuredReference() {
        assertThat(ReportWriter.ratio(SINGLE, ReportWriter.byKey(ALL))).isNull();
        assertThat(ReportWriter.ratio(BATCH, ReportWriter.byKey(List.of(BATCH)))).isNull();
        Measurement zero = new Measurement("reference.jdbc-batch", "x", 0, "rows/s", null, null, null, null, null);
        assertThat(ReportWriter.ratio(BATCH, ReportWriter.byKey(List.of(zero, BATCH)))).isNull();
    }

    @Test
    void writesOneTableRowPerFigureWithItsPercentilesReferenceRatioAndTarget() {
        String table = ReportWriter.table(ALL);
        List<String> rows = table.lines().toList();

        assertThat(rows).hasSize(2 + ALL.size());
        assertThat(rows.get(0)).isEqualTo("| Figure | Value | Unit | p50 | p95 | p99 | Reference | Ratio | Target | Met? |");
        assertThat(rows.get(3)).isEqualTo("| Batch ingest (`ingest.batch`) | 21,000 | completions/s |  |  |  | "
                + "`reference.jdbc-batch` 70,000 rows/s | 0.30 | ≥ 25% of raw batched JDBC | yes |");
        assertThat(rows.get(4)).isEqualTo("| Single POST (`ingest.single`) | 1,500 | completions/s | 9.50 | 30.3 | 61.0 | "
                + " |  | ≥ 2,000/s and p99 < 50 ms | **no** |");
        assertThat(rows.get(6)).contains("| 0.010 (100.0× faster) |");
    }

    @Test
    void saysWhenAReferenceWasNotMeasured() {
        assertThat(ReportWriter.table(List.of(BATCH))).contains("`reference.jdbc-batch` (not measured) |  |");
    }

    @Test
    void saysHowManyTimesFasterOrSlowerATimeIsThanItsReference() {
        assertThat(ReportWriter.ratioText(0.05, "ms")).isEqualTo("0.050 (20.0× faster)");
        assertThat(ReportWriter.ratioText(4.62, "ms")).isEqualTo("4.62 (4.6× slower)");
        assertThat(ReportWriter.ratioText(0.3, "completions/s")).isEqualTo("0.30");
        assertThat(ReportWriter.ratioText(null, "ms")).isEmpty();
    }

    @Test
    void formatsFiguresByTheirSize() {
        assertThat(ReportWriter.number(123_456.7)).isEqualTo("123,457");
        assertThat(ReportWriter.number(12.345)).isEqualTo("12.3");
        assertThat(ReportWriter.number(1.234)).isEqualTo("1.23");
        assertThat(ReportWriter.number(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void describesTheRunAndLeavesTheAnalysisToTheEngineers() {
        String text = ReportWriter.markdown(RUN, ALL, "bench/results/benchmark-2026-11-30.json");

        assertThat(text).contains("| Command | `./benchmark --skip-national` |", "| Seed | 7 |",
                "| CPU | AMD EPYC, 2 cores |", "| RAM | 23.4 GiB |", "| Duration | 1 h 06 min 40 s |",
                "[`bench/results/benchmark-2026-11-30.json`](bench/results/benchmark-2026-11-30.json)",
                ReportWriter.ANALYSIS_MARK, "_Placeholder for the engineers", "- **ingest.single** — 32 clients");
        assertThat(text).doesNotContain("FAILED");
    }

    @Test
    void saysLoudlyWhenTheRunFailed() {
        RunInfo failed = new RunInfo(RUN.startedAt(), RUN.command(), RUN.seed(), RUN.scale(), RUN.commit(), RUN.jars(),
                RUN.software(), RUN.machine(), RUN.durationSeconds(), RUN.notes(), "single POSTs: 12 unexpected answers");

        assertThat(ReportWriter.markdown(failed, ALL, "x.json"))
                .contains("> **This run FAILED and is incomplete:** single POSTs: 12 unexpected answers");
    }

    @Test
    void keepsTheEngineersAnalysisWhenTheFiguresAreWrittenAgain(@TempDir Path dir) throws Exception {
        Path markdown = dir.resolve("BENCHMARKS.md");
        Path json = dir.resolve("results/benchmark.json");
        ReportWriter.write(markdown, json, RUN, ALL);
        String written = Files.readString(markdown);
        Files.writeString(markdown, written.replaceFirst("_Placeholder for the engineers[^\\n]*",
                "The single POST path is limited by one commit per request."));

        ReportWriter.write(markdown, json, RUN, List.of(JDBC, BATCH));

        String again = Files.readString(markdown);
        assertThat(again).contains("The single POST path is limited by one commit per request.")
                .doesNotContain("_Placeholder for the engineers").doesNotContain("ingest.single");
        assertThat(again).contains("[`results/benchmark.json`](results/benchmark.json)");
        assertThat(Files.readString(json)).contains("\"key\" : \"ingest.batch\"", "\"cpuModel\" : \"AMD EPYC\"");
    }
}

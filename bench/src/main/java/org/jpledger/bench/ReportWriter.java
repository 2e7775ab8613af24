package org.jpledger.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's figures: BENCHMARKS.md (the machine, the command, one table row per figure with its reference, ratio
 * and target, a placeholder for the engineers' analysis, and how each figure was measured) and a JSON file of the same.
 */
public final class ReportWriter {

    /** Marks the section the engineers write; the generator only ever writes the placeholder inside it. */
    public static final String ANALYSIS_MARK = "<!-- analysis -->";

    private ReportWriter() {
    }

    /**
     * The ratio of a figure to its reference (value / reference value), or null when it has no reference, the
     * reference is not among {@code all}, or either value is not a positive number.
     */
    public static Double ratio(Measurement m, Map<String, Measurement> all) {
        if (m.referenceKey() == null) {
            return null;
        }
        Measurement reference = all.get(m.referenceKey());
        if (reference == null || !(reference.value() > 0) || !(m.value() >= 0) || Double.isInfinite(m.value())) {
            return null;
        }
        return m.value() / reference.value();
    }

    /** The figures by key, in their order. */
    static Map<String, Measurement> byKey(List<Measurement> measurements) {
        Map<String, Measurement> map = new LinkedHashMap<>();
        measurements.forEach(m -> map.put(m.key(), m));
        return map;
    }

    /** The table of figures in Markdown. */
    public static String table(List<Measurement> measurements) {
        Map<String, Measurement> all = byKey(measurements);
        StringBuilder b = new StringBuilder();
        b.append("| Figure | Value | Unit | p50 | p95 | p99 | Reference | Ratio | Target | Met? |\n");
        b.append("|---|---:|---|---:|---:|---:|---|---:|---|---|\n");
        for (Measurement m : measurements) {
            Latency l = m.latency();
            Measurement reference = m.referenceKey() == null ? null : all.get(m.referenceKey());
            Double ratio = ratio(m, all);
            b.append("| ").append(cell(m.what())).append(" (`").append(m.key()).append("`)")
                    .append(" | ").append(number(m.value()))
                    .append(" | ").append(cell(m.unit()))
                    .append(" | ").append(l == null ? "" : number(l.p50Ms()))
                    .append(" | ").append(l == null ? "" : number(l.p95Ms()))
                    .append(" | ").append(l == null ? "" : number(l.p99Ms()))
                    .append(" | ").append(m.referenceKey() == null ? "" : "`" + m.referenceKey() + "`"
                            + (reference == null ? " (not measured)" : " " + number(reference.value()) + " "
                                    + cell(reference.unit())))
                    .append(" | ").append(ratioText(ratio, m.unit()))
                    .append(" | ").append(m.target() == null ? "" : cell(m.target()))
                    .append(" | ").append(m.targetMet() == null ? "" : m.targetMet() ? "yes" : "**no**")
                    .append(" |\n");
        }
        return b.toString();
    }

    /** value / reference; for times also how many times faster (the reference over the value). */
    static String ratioText(Double ratio, String unit) {
        if (ratio == null) {
            return "";
        }
        String text = String.format(Locale.ROOT, ratio >= 10 ? "%.0f" : ratio >= 0.1 ? "%.2f" : "%.3f", ratio);
        if (("ms".equals(unit) || "s".equals(unit)) && ratio > 0) {
            return text + (ratio <= 1 ? String.format(Locale.ROOT, " (%.1f× faster)", 1 / ratio)
                    : String.format(Locale.ROOT, " (%.1f× slower)", ratio));
        }
        return text;
    }

    /** A figure for a table: grouped thousands for large values, fewer decimals the larger it is. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        String pattern = abs >= 100 ? "%,.0f" : abs >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** The whole BENCHMARKS.md. */
    public static String markdown(RunInfo run, List<Measurement> measurements, String jsonLink) {
        StringBuilder b = new StringBuilder();
        b.append("# Benchmarks\n\n");
        b.append("Measured by the project's own benchmark (`bench/`, issue 8) in one run, with the whole system co-located on ")
                .append("the machine below: PostgreSQL, a Kafka broker, training-service and reporting-service, and the ")
                .append("load generator itself. The reference figures (raw PostgreSQL and Kafka limits) come from the same ")
                .append("run on the same PostgreSQL and Kafka. Everything below the analysis section is regenerated by ")
                .append("`./benchmark`; the raw results are in [`").append(jsonLink).append("`](").append(jsonLink)
                .append(").\n\n");
        if (run.failure() != null) {
            b.append("> **This run FAILED and is incomplete:** ").append(cell(run.failure())).append("\n\n");
        }
        b.append("## The run\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| Date | ").append(run.startedAt()).append(" |\n");
        b.append("| Command | `").append(run.command()).append("` |\n");
        b.append("| Seed | ").append(run.seed()).append(" |\n");
        b.append("| Scale | ").append(cell(run.scale())).append(" |\n");
        b.append("| Duration | ").append(duration(run.durationSeconds())).append(" |\n");
        b.append("| Code | ").append(cell(run.commit())).append(" |\n");
        b.append("| Service jars | ").append(cell(run.jars())).append(" |\n");
        MachineInfo m = run.machine();
        b.append("| CPU | ").append(cell(m.cpuModel())).append(", ").append(m.cores()).append(" cores |\n");
        b.append("| RAM | ").append(String.format(Locale.ROOT, "%.1f GiB", m.ramGiB())).append(" |\n");
        b.append("| Java | ").append(cell(m.java())).append(" |\n");
        b.append("| OS | ").append(cell(m.os())).append(" |\n");
        b.append("| Software | ").append(cell(run.software())).append(" |\n\n");
        for (String note : run.notes()) {
            b.append("- ").append(note).append('\n');
        }
        if (!run.notes().isEmpty()) {
            b.append('\n');
        }
        b.append("## Figures\n\n");
        b.append("Ratio = value / reference value (for latencies, below 1 is faster than the reference). ")
                .append("Percentiles are in ms.\n\n");
        b.append(table(measurements)).append('\n');
        b.append("## What limits it\n\n");
        b.append(ANALYSIS_MARK).append('\n');
        b.append("_Placeholder for the engineers: for each missed target, what limits it (from a profile of this run) ")
                .append("and what would change it. The benchmark does not write this section's content._\n");
        b.append("<!-- /analysis -->\n\n");
        b.append("## How each figure was measured\n\n");
        for (Measurement x : measurements) {
            b.append("- **").append(x.key()).append("** — ").append(x.note() == null ? "" : x.note().replace("\n", " "))
                    .append('\n');
        }
        return b.toString();
    }

    /** The JSON results: the run and every figure. */
    public static String json(RunInfo run, List<Measurement> measurements) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("run", run);
        root.put("measurements", measurements);
        return Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }

    /** Writes both files, keeping an existing analysis section of the Markdown file. */
    public static void write(Path markdownFile, Path jsonFile, RunInfo run, List<Measurement> measurements)
            throws IOException {
        Files.createDirectories(jsonFile.getParent());
        Files.writeString(jsonFile, json(run, measurements));
        Path base = markdownFile.toAbsolutePath().getParent();
        String link = base.relativize(jsonFile.toAbsolutePath()).toString().replace('\\', '/');
        String text = markdown(run, measurements, link);
        if (Files.exists(markdownFile)) {
            text = keepAnalysis(Files.readString(markdownFile), text);
        }
        Files.writeString(markdownFile, text);
    }

    /** {@code fresh} with the analysis section of {@code previous} in place of its placeholder, when it has one. */
    static String keepAnalysis(String previous, String fresh) {
        int from = previous.indexOf(ANALYSIS_MARK);
        int to = previous.indexOf("<!-- /analysis -->");
        int freshFrom = fresh.indexOf(ANALYSIS_MARK);
        int freshTo = fresh.indexOf("<!-- /analysis -->");
        if (from < 0 || to < from || freshFrom < 0 || freshTo < freshFrom) {
            return fresh;
        }
        String kept = previous.substring(from, to);
        if (kept.contains("_Placeholder for the engineers")) {
            return fresh;
        }
        return fresh.substring(0, freshFrom) + kept + fresh.substring(freshTo);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min %02d s", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}

package org.jpledger.reporting.closing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jpledger.reporting.api.ClosingResponse.ClosingFile;
import org.jpledger.reporting.api.ComplianceFigures;
import org.jpledger.reporting.api.EmployeeComplianceResponse;
import org.jpledger.reporting.api.UnitComplianceResponse;
import org.jpledger.reporting.closing.YearClosings.Answer;
import org.jpledger.reporting.export.Column;
import org.jpledger.reporting.export.ExportFiles;
import org.jpledger.reporting.export.ExportFormat;
import org.jpledger.reporting.export.ExportKind;
import org.jpledger.reporting.export.ExportLayout;
import org.jpledger.reporting.export.TableWriter;

/**
 * Writes a closing's export files from its snapshot rows (never rating anew): the compliance export (one row per
 * employee, by NIP) and the units export (one row per unit, by code), each as CSV and XLSX in the on-demand exports'
 * columns and layout, into the closings' directory; then records them in the closing's manifest. The rows are read a
 * page at a time, and the bytes depend on the snapshot alone, so writing them again gives the same files.
 */
@ApplicationScoped
public class ClosingFiles {

    /** Snapshot rows read per page. */
    static final int PAGE = 1_000;

    private final YearClosings closings;
    private final ExportFiles files;
    private final ObjectMapper json;

    public ClosingFiles(YearClosings closings, ExportFiles files, ObjectMapper json) {
        this.closings = closings;
        this.files = files;
        this.json = json;
    }

    /**
     * The file name of a closing's export: {@code closing-<year>-v<version>-<scope>-<kind>.<format>}, the scope
     * {@code all} or the unit code (characters a file name must not hold written as {@code _}).
     */
    public static String name(Closing closing, ExportKind kind, ExportFormat format) {
        String scope = closing.unitCode() == null ? "all" : closing.unitCode().replaceAll("[^A-Za-z0-9._-]", "_");
        return "closing-" + closing.year() + "-v" + closing.version() + "-" + scope + "-" + kind.slug() + "."
                + format.extension();
    }

    /**
     * Writes the four files of {@code closing} and records them in its manifest; returns them. They have the columns
     * they had when the closing was made ({@link ExportKind#columns(int)}), so writing them again gives the same bytes.
     */
    public List<ClosingFile> write(Closing closing) {
        long started = System.nanoTime();
        int generation = QuarkusTransaction.requiringNew().call(() -> closings.exportColumns(closing.id()));
        List<ClosingFile> written = new ArrayList<>();
        for (ExportKind kind : List.of(ExportKind.COMPLIANCE, ExportKind.UNITS)) {
            List<Column> columns = kind.columns(generation);
            for (ExportFormat format : ExportFormat.values()) {
                String name = name(closing, kind, format);
                long[] rows = new long[1];
                ExportFiles.Written file = files.writeClosingFile(name, kind, columns,
                        new ExportLayout(format, false, false, ','), closing.closedAt(), writer -> {
                            rows[0] = kind == ExportKind.COMPLIANCE ? employees(closing, columns.size(), writer)
                                    : units(closing.id(), writer);
                            return rows[0];
                        });
                written.add(new ClosingFile(name, kind.slug(), format.extension(), rows[0], file.sha256()));
            }
        }
        String manifest;
        try {
            manifest = json.writeValueAsString(written);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> closings.files(closing.id(), manifest));
        Log.infof("wrote the files of %s in %d ms", closing.naming(), (System.nanoTime() - started) / 1_000_000);
        return written;
    }

    /** A file of the closing's manifest, if it is on disk. */
    public Optional<Path> path(String name) {
        return files.closingFile(name);
    }

    /**
     * One compliance export row per employee answer of {@code closing}, in the columns of {@link ExportKind#COMPLIANCE}.
     * The TMT in the unit is left empty: the snapshot does not hold it, and a closing's files come from its snapshot
     * alone.
     */
    static Object[] complianceRow(EmployeeComplianceResponse e, Closing closing) {
        return new Object[] {e.nip(), e.name(), e.unitCode(), e.unitName(), e.employmentType(), e.positionLevel(),
                e.targetJp(), e.totalJp(), e.jpByCompetencyType().get("TEKNIS"),
                e.jpByCompetencyType().get("MANAJERIAL"), e.jpByCompetencyType().get("SOSIAL_KULTURAL"),
                e.jpByMethod().get("KLASIKAL"), e.jpByMethod().get("NONKLASIKAL"), e.completionCount(),
                e.status() == null ? null : e.status().name(), e.exemptDays(), e.leavingReason(), null,
                e.servedFrom(), e.servedUntil(), e.expectedJpToDate(), e.policyVersion(), e.policyUnitCode(), "YES",
                closing.version(), e.pendingJp(), e.flaggedJp()};
    }

    /** One units export row per unit answer, in the columns of {@link ExportKind#UNITS}. */
    static Object[] unitRow(UnitComplianceResponse u) {
        ComplianceFigures f = u.unit().figures();
        List<Object> row = new ArrayList<>(List.of(u.unit().code(), u.unit().name()));
        row.add(u.unit().parentCode());
        row.addAll(List.of(f.headcount(), f.compliant(), f.onTrack(), f.atRisk(), f.notMet(), f.complianceRate(),
                f.totalJp(), f.averageJp()));
        row.addAll(f.tallies().counts());
        row.add(trimScale(f.jpAboveCap()));
        return row.toArray();
    }

    /** The compliance rows, each cut to the {@code columns} of the closing's files. */
    private long employees(Closing closing, int columns, TableWriter writer) throws IOException {
        return pages(after -> closings.employeeAnswers(closing.id(), after, PAGE), writer,
                text -> Arrays.copyOf(complianceRow(read(text, EmployeeComplianceResponse.class), closing), columns));
    }

    private long units(long closingId, TableWriter writer) throws IOException {
        return pages(after -> closings.unitAnswers(closingId, after, PAGE), writer,
                text -> unitRow(read(text, UnitComplianceResponse.class)));
    }

    /** Every row, a page at a time (each page read in a short transaction of its own), by key. */
    private static long pages(Function<String, List<Answer>> page, TableWriter writer, Function<String, Object[]> row)
            throws IOException {
        long written = 0;
        String after = "";
        while (true) {
            String from = after;
            List<Answer> answers = QuarkusTransaction.requiringNew().call(() -> page.apply(from));
            for (Answer answer : answers) {
                writer.row(row.apply(answer.answer()));
                written++;
            }
            if (answers.size() < PAGE) {
                return written;
            }
            after = answers.get(answers.size() - 1).key();
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable snapshot row", e);
        }
    }

    /** As PostgreSQL's trim_scale, which the live units export applies to the JP above the cap. */
    private static BigDecimal trimScale(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

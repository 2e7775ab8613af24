package org.jpledger.reporting.export;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.reporting.projection.ComplianceStatus;
import org.jpledger.reporting.projection.Tallies;

/** What an export lists, with its columns in order. */
public enum ExportKind {

    /** One row per employee counting in the year in the units asked. */
    COMPLIANCE("compliance", "Kepatuhan", List.of(
            new Column("NIP", "NIP"),
            new Column("Nama", "Name"),
            new Column("Kode Unit", "Unit code"),
            new Column("Nama Unit", "Unit name"),
            Column.coded("Jenis Kepegawaian", "Employment type", EmploymentType.values(), EmploymentType::label),
            Column.coded("Jenjang Jabatan", "Position level", PositionLevel.values(), PositionLevel::label),
            new Column("Target JP", "Target JP"),
            new Column("Total JP", "Total JP"),
            new Column("JP Teknis", "JP technical"),
            new Column("JP Manajerial", "JP managerial"),
            new Column("JP Sosial Kultural", "JP socio-cultural"),
            new Column("JP Klasikal", "JP classical"),
            new Column("JP Nonklasikal", "JP non-classical"),
            new Column("Jumlah Pelatihan", "Completions"),
            Column.coded("Status", "Status", ComplianceStatus.values(), ComplianceStatus::label),
            new Column("Hari Dikecualikan", "Exempt days"),
            Column.coded("Alasan Keluar", "Leaving reason", LeavingReason.values(), LeavingReason::label),
            // What an analyst asks beside the figures (issue 24): since when the employee is in the unit, their part
            // of the year, what the pacing expects by the export day, which policy rated them, and whether the year
            // is closed.
            new Column("TMT Unit", "In unit since"),
            new Column("Mulai Bertugas", "Served from"),
            new Column("Selesai Bertugas", "Served until"),
            new Column("JP Diharapkan s.d. Hari Ini", "Expected JP to date"),
            new Column("Versi Kebijakan", "Policy version"),
            new Column("Kode Unit Kebijakan", "Policy unit code"),
            new Column("Tahun Ditutup", "Year closed", Map.of("YES", "Ya", "NO", "Tidak"), false),
            new Column("Versi Penutupan", "Closing version"),
            // Counting verified hours (issue 25): the JP waiting for verification beside Total JP (the JP counted
            // under the year's counting policy), and the JP flagged as possible duplicates; empty when none.
            new Column("JP Menunggu Verifikasi", "JP pending verification"),
            new Column("JP Terindikasi Duplikat", "JP flagged as possible duplicates"))),

    /** One row per unit in the units asked, with its figures over its subtree. */
    UNITS("units", "Unit", Stream.concat(Stream.of(
            new Column("Kode Unit", "Unit code"),
            new Column("Nama Unit", "Unit name"),
            new Column("Kode Unit Induk", "Parent unit code"),
            new Column("Jumlah Pegawai", "Headcount"),
            new Column("Memenuhi", "Compliant"),
            new Column("Sesuai Jalur", "On track"),
            new Column("Berisiko", "At risk"),
            new Column("Tidak Memenuhi", "Not met"),
            new Column("Tingkat Kepatuhan", "Compliance rate"),
            new Column("Total JP", "Total JP"),
            new Column("Rata-rata JP", "Average JP")),
            // Exempt, headcount and compliant by employment type, leavers by reason, above the cap: one column per
            // tally; then the JP above the cap.
            Stream.concat(Tallies.ALL.stream().map(t -> new Column(t.headerId(), t.headerEn())),
                    Stream.of(new Column("JP di Atas Batas", "JP above cap")))).toList()),

    /** One row per counted completion, in the shape of the national HR system's training history. */
    TRAINING_HISTORY("training-history", "Riwayat Diklat", List.of(
            new Column("NIP", "NIP"),
            new Column("Nama", "Name"),
            new Column("Kode Unit", "Unit code"),
            new Column("ID Jenis Diklat", "Training kind id"),
            new Column("Jenis Diklat", "Training kind"),
            new Column("Nama Diklat", "Training title"),
            new Column("Institusi Penyelenggara", "Provider"),
            new Column("Nomor Sertifikat", "Certificate number"),
            new Column("Tanggal Mulai", "Start date"),
            new Column("Tanggal Selesai", "End date"),
            new Column("Tahun", "Year"),
            new Column("Jumlah Jam", "Hours"),
            new Column("JP", "JP")));

    /** How many columns the compliance export had before issue 24 (see {@link #columns(int)}). */
    private static final int FIRST_GENERATION_COMPLIANCE = 17;
    /** How many columns the compliance export had before issue 25 (see {@link #columns(int)}). */
    private static final int SECOND_GENERATION_COMPLIANCE = 25;

    private final String slug;
    private final String sheetName;
    private final List<Column> columns;

    ExportKind(String slug, String sheetName, List<Column> columns) {
        this.slug = slug;
        this.sheetName = sheetName;
        this.columns = columns;
    }

    /** Its name in paths, file names and configuration. */
    public String slug() {
        return slug;
    }

    public String sheetName() {
        return sheetName;
    }

    public List<Column> columns() {
        return columns;
    }

    /**
     * The columns of a closing's files of {@code generation}: 3, those of today; 2, those before issue 25 (the
     * compliance export without the pending and flagged JP); 1, those before issue 24 (the compliance export's first
     * 17 columns, with codes written as codes), for the closings made before them, whose files must be written again
     * to the bytes their manifests record.
     */
    public List<Column> columns(int generation) {
        if (generation >= 3 || this != COMPLIANCE) {
            return columns;
        }
        if (generation == 2) {
            return columns.subList(0, SECOND_GENERATION_COMPLIANCE);
        }
        return columns.subList(0, FIRST_GENERATION_COMPLIANCE).stream()
                .map(column -> new Column(column.indonesian(), column.english())).toList();
    }

    /** The file's headers: each column's, and in an Indonesian file each coded column's codes after it. */
    public List<String> headers(boolean english) {
        return headers(columns, english);
    }

    /** The headers of a file of {@code columns}. */
    static List<String> headers(List<Column> columns, boolean english) {
        return columns.stream().flatMap(column -> column.headers(english).stream()).toList();
    }
}

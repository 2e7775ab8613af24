package org.jpledger.reporting.export;

import java.util.List;
import java.util.stream.Stream;
import org.jpledger.reporting.projection.Tallies;

/** What an export lists, with its columns in order. */
public enum ExportKind {

    /** One row per employee counting in the year in the units asked. */
    COMPLIANCE("compliance", "Kepatuhan", List.of(
            new Column("NIP", "NIP"),
            new Column("Nama", "Name"),
            new Column("Kode Unit", "Unit code"),
            new Column("Nama Unit", "Unit name"),
            new Column("Jenis Kepegawaian", "Employment type"),
            new Column("Jenjang Jabatan", "Position level"),
            new Column("Target JP", "Target JP"),
            new Column("Total JP", "Total JP"),
            new Column("JP Teknis", "JP technical"),
            new Column("JP Manajerial", "JP managerial"),
            new Column("JP Sosial Kultural", "JP socio-cultural"),
            new Column("JP Klasikal", "JP classical"),
            new Column("JP Nonklasikal", "JP non-classical"),
            new Column("Jumlah Pelatihan", "Completions"),
            new Column("Status", "Status"),
            new Column("Hari Dikecualikan", "Exempt days"),
            new Column("Alasan Keluar", "Leaving reason"))),

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

    public List<String> headers(boolean english) {
        return columns.stream().map(column -> column.header(english)).toList();
    }
}

package org.jpledger.reporting.siasn.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored SIASN delta export: what it holds, its state and its files. */
@Schema(name = "SiasnDeltaExport", description = "A stored SIASN delta export")
public record DeltaExport(
        @Schema(description = "The export's id") UUID exportId,
        @Schema(description = "When it was created") Instant createdAt,
        @Schema(description = "Who created it (a token subject, or schedule:<name>)") String createdBy,
        @Schema(description = "The units it covers with their subtrees; null for every unit") List<String> units,
        @Schema(description = "The operator's note") String note,
        @Schema(description = "OPEN (to be acknowledged), ACKNOWLEDGED or SUPERSEDED (a newer delta replaced it)",
                examples = "OPEN") String state,
        @Schema(description = "Its rows by action") Rows rows,
        @Schema(description = "When it was acknowledged") Instant acknowledgedAt,
        @Schema(description = "Who acknowledged it") String acknowledgedBy,
        @Schema(description = "Its files, each in both shapes as CSV and JSON lines, and one XLSX of both")
        List<DeltaFile> files) {

    /** The number of rows of each action. */
    @Schema(name = "SiasnDeltaRows")
    public record Rows(
            @Schema(description = "CREATE rows: completions never sent (or withdrawn)") int create,
            @Schema(description = "UPDATE rows: completions sent in an older version") int update,
            @Schema(description = "DELETE rows: completions sent and since voided or rejected") int delete) {
    }

    /** One file of a delta and where to download it. */
    @Schema(name = "SiasnDeltaFile")
    public record DeltaFile(
            @Schema(description = "The file's name", examples = "riwayat-kursus.csv") String name,
            @Schema(description = "riwayat-kursus, riwayat-diklat-struktural, or null for the XLSX of both")
            String shape,
            @Schema(description = "csv, jsonl or xlsx", examples = "csv") String format,
            @Schema(description = "Where to download it",
                    examples = "/api/v1/exports/siasn/deltas/6f1c.../files/riwayat-kursus.csv") String href) {
    }
}

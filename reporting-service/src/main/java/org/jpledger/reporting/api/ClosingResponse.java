package org.jpledger.reporting.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A year's closing: the manifest of its snapshot, and whether it still stands. */
@Schema(name = "YearClosing", description = "A closing of a training year and the manifest of its snapshot")
public record ClosingResponse(
        @Schema(description = "The closing's id") long id,
        @Schema(description = "Training year closed", examples = "2025") int year,
        @Schema(description = "Root of the closed unit subtree; absent when the whole organisation was closed",
                examples = "PEMPROV-JATENG") String unitCode,
        @Schema(description = "1 for the first closing of the year and scope, one more for each after a reopening")
        int version,
        @Schema(description = "Why, or by what decision, the year was closed") String note,
        @Schema(description = "When the snapshot was taken") Instant closedAt,
        @Schema(description = "Who closed it (the token's subject)") String closedBy,
        @Schema(description = "The day the figures are rated as at the end of: 31 December of the year")
        LocalDate ratedOn,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class,
                description = "The policies the snapshot was rated with, keyed by unit code (\"\": the national "
                        + "one), each with its version") JsonNode policies,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class,
                description = "Which unit policy governs each unit at or below one (others: the national policy)")
        JsonNode governing,
        @Schema(description = "Recognition rule table versions of the completions counted") List<Integer> ruleVersions,
        @Schema(description = "The consumer's stored offsets when the snapshot was taken: \"topic-partition\" to the "
                + "next offset; every event before them is in the snapshot") Map<String, Long> offsets,
        @Schema(description = "Employees in the snapshot") int employeeRows,
        @Schema(description = "Units in the snapshot, with the scope's total row") int unitRows,
        @Schema(description = "The snapshot's export files") List<ClosingFile> files,
        @Schema(description = "SHA-256 (hex) of the snapshot rows in canonical order: each employee's answer by NIP, "
                + "then each unit's by code (the total first), as JSON text, one a line") String sha256,
        @Schema(description = "STANDING, or REOPENED once reopened") String state,
        @Schema(description = "When it was reopened; absent while it stands") Instant reopenedAt,
        @Schema(description = "Who reopened it") String reopenedBy,
        @Schema(description = "Why it was reopened") String reopenReason) {

    /** A file of the snapshot's exports, downloadable from {@code GET .../closings/{version}/files/{name}}. */
    @Schema(name = "YearClosingFile", description = "An export file of a closing's snapshot")
    public record ClosingFile(
            @Schema(description = "File name", examples = "closing-2025-v1-all-compliance.csv") String name,
            @Schema(description = "compliance or units") String kind,
            @Schema(description = "csv or xlsx") String format,
            @Schema(description = "Data rows in the file") long rows,
            @Schema(description = "SHA-256 (hex) of the file's bytes") String sha256) {
    }
}

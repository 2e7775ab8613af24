package org.jpledger.reporting.export;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a scheduled export file holds, written beside it as {@code <file>.manifest.json}. */
@Schema(name = "ExportManifest", description = "A scheduled export file and what it holds")
public record ExportManifest(
        @Schema(description = "File name, to download it by", examples = "monthly-compliance-20261201T020000.csv")
        String file,
        @Schema(description = "Name of the schedule that wrote it", examples = "monthly") String schedule,
        @Schema(description = "compliance, units or training-history", examples = "compliance") String kind,
        @Schema(description = "The rows' filters: year or date range, units ('*' for all), status") Map<String, Object>
        filters,
        @Schema(description = "csv or xlsx", examples = "csv") String format,
        @Schema(description = "Time of the newest ledger event in the data") Instant asOf,
        @Schema(description = "Number of data rows", examples = "5120") long rows,
        @Schema(description = "SHA-256 of the file's bytes, hex", examples = "9f86d081884c7d65...") String sha256,
        @Schema(description = "Size of the file in bytes", examples = "812345") long bytes,
        @Schema(description = "When the schedule fired") Instant fireTime,
        @Schema(description = "When the file was complete") Instant finishedAt,
        @Schema(description = "How long writing it took, in milliseconds", examples = "1840") long durationMillis) {
}

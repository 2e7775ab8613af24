package org.jpledger.training.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.ImportResult;
import org.jpledger.contracts.problem.Problem;

/** The answer to a CSV import: counts and a row-numbered error report. */
@Schema(name = "ImportResponse", description = "Counts of the data rows read, and the rows refused with their problems.")
public record ImportResponse(
        @Schema(description = "Data rows read (the header row not counted)") long rows,
        @Schema(description = "Rows recorded now") long created,
        @Schema(description = "Rows already recorded before (retries)") long existing,
        @Schema(description = "Rows refused") long failed,
        @Schema(description = "The first " + ImportResponse.MAX_ERRORS + " refused rows") List<RowError> errors,
        @Schema(description = "True when more rows were refused than listed") boolean errorsTruncated) {

    public static final int MAX_ERRORS = ImportResult.MAX_ERRORS;

    /** A refused row. */
    @Schema(name = "ImportRowError")
    public record RowError(
            @Schema(description = "Data row number, from 1 for the first row after the header") long row,
            @Schema(description = "Why the row was refused") Problem problem) {
    }

    public static ImportResponse from(ImportResult result) {
        return new ImportResponse(result.rows(), result.created(), result.existing(), result.failed(),
                result.errors().stream().map(e -> new RowError(e.row(), e.problem())).toList(),
                result.errorsTruncated());
    }
}

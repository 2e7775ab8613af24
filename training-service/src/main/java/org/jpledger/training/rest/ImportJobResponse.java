package org.jpledger.training.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.imports.ImportJobView;

/** An import job: its file, state and progress. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportJob", description = "An import of a stored file, recorded in the background batch by batch.")
public record ImportJobResponse(
        @Schema(description = "Id of the job") UUID id,
        @Schema(description = "QUEUED, RUNNING, COMPLETED, FAILED or CANCELLED") String state,
        @Schema(description = "Format of the file: csv or jsonl") String format,
        @Schema(description = "Size of the stored file in bytes") long fileBytes,
        @Schema(description = "SHA-256 of the stored file, in hex") String sha256,
        @Schema(description = "Data rows read and committed so far") long rowsRead,
        @Schema(description = "Rows recorded now") long created,
        @Schema(description = "Rows already recorded before (retries)") long existing,
        @Schema(description = "Rows refused; see the error report") long errors,
        @Schema(description = "Rows read per second of running time") double rowsPerSecond,
        @Schema(description = "Subject of the token that submitted the job") String submittedBy,
        @Schema(description = "When the file was stored") Instant submittedAt,
        @Schema(description = "When a worker first took the job") Instant startedAt,
        @Schema(description = "When the job ended") Instant finishedAt,
        @Schema(description = "True once a cancel was asked for") boolean cancelRequested,
        @Schema(description = "Why the job failed as a whole (FAILED only)") String failure) {

    public static ImportJobResponse from(ImportJobView job) {
        return new ImportJobResponse(job.id(), job.state().name(), job.format(), job.fileBytes(), job.sha256(),
                job.rowsRead(), job.created(), job.existing(), job.errors(), job.rowsPerSecond(), job.submittedBy(),
                job.submittedAt(), job.startedAt(), job.finishedAt(), job.cancelRequested(), job.failure());
    }
}

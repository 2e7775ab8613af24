package org.jpledger.training.service.imports;

import java.time.Instant;
import java.util.UUID;
import org.jpledger.training.domain.ImportJob;

/**
 * An import job as its submitter sees it.
 *
 * @param rowsRead      data rows read and committed so far
 * @param rowsPerSecond rows read per second of running time (0 before it runs)
 */
public record ImportJobView(UUID id, ImportJob.State state, String format, long fileBytes, String sha256,
        long rowsRead, long created, long existing, long errors, double rowsPerSecond, String submittedBy,
        Instant submittedAt, Instant startedAt, Instant finishedAt, boolean cancelRequested, String failure) {

    public static ImportJobView of(ImportJob job) {
        double rate = job.runningSeconds > 0 ? job.lastRow / job.runningSeconds : 0;
        return new ImportJobView(job.id, job.state, job.format, job.fileBytes, job.sha256, job.lastRow, job.created,
                job.existing, job.errors, Math.round(rate * 10) / 10.0, job.submittedBy, job.submittedAt,
                job.startedAt, job.finishedAt, job.cancelRequested, job.failure);
    }
}

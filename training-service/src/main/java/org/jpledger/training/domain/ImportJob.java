package org.jpledger.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An import of a stored file as a job: its state, its progress up to the last committed row, and its lease. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    /** Where a job is: waiting for a worker, being recorded, or ended one way or another. */
    public enum State {
        QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

        public boolean ended() {
            return this == COMPLETED || this == FAILED || this == CANCELLED;
        }
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public String format;

    @Column(name = "file_bytes", nullable = false)
    public long fileBytes;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    /** The submitter's unit scope as its claim reads ({@code *} or comma-separated unit codes). */
    @Column(name = "unit_scope", nullable = false)
    public String unitScope;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The last data row whose outcome is committed: the rows read so far. */
    @Column(name = "last_row", nullable = false)
    public long lastRow;

    @Column(nullable = false)
    public long created;

    @Column(nullable = false)
    public long existing;

    @Column(nullable = false)
    public long errors;

    @Column(name = "running_seconds", nullable = false)
    public double runningSeconds;

    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    @Column
    public String failure;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "file_deleted_at")
    public Instant fileDeletedAt;

    /** Ends the job in {@code end} at {@code now}, giving up its lease. */
    public void end(State end, Instant now) {
        state = end;
        finishedAt = now;
        leaseOwner = null;
        leaseUntil = null;
    }
}

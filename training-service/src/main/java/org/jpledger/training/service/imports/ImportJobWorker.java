package org.jpledger.training.service.imports;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.support.database.RequestStatementTimeout;
import org.jpledger.support.problem.Problems;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.config.ImportJobConfig;
import org.jpledger.training.domain.ImportJob;
import org.jpledger.training.domain.ImportJobRepository;
import org.jpledger.training.domain.ImportJobRepository.ErrorLine;
import org.jpledger.training.service.Actor;
import org.jpledger.training.service.BatchResult;
import org.jpledger.training.service.CompletionBatchService;

/**
 * Records import jobs in the background, a few at a time per instance ({@code concurrent-jobs}). A job is claimed
 * with {@code FOR UPDATE SKIP LOCKED} under a lease, so two instances never run one job; each batch of rows is
 * recorded through {@link CompletionBatchService} in one transaction that also commits the job's progress (last row,
 * counters, the batch's error lines) and renews the lease, after checking under the job's lock that the lease is still
 * this worker's. A job whose worker died is taken over once its lease runs out and resumes after its last committed
 * row, so no row is recorded twice. Files of jobs ended longer ago than the retention are deleted.
 */
@ApplicationScoped
public class ImportJobWorker {

    /** Identifies this instance's worker as a lease holder. */
    private final String owner = "import-worker-" + UUID.randomUUID();
    private final ImportJobRepository jobs;
    private final ImportFormats formats;
    private final CompletionBatchService batches;
    private final ImportJobConfig config;
    private final Clock clock;
    private final Semaphore slots;
    private final ExecutorService runners;
    private volatile boolean running;
    private Thread poller;

    public ImportJobWorker(ImportJobRepository jobs, ImportFormats formats, CompletionBatchService batches,
            ImportJobConfig config, Clock clock) {
        this.jobs = jobs;
        this.formats = formats;
        this.batches = batches;
        this.config = config;
        this.clock = clock;
        this.slots = new Semaphore(config.concurrentJobs());
        AtomicInteger threads = new AtomicInteger();
        this.runners = Executors.newFixedThreadPool(config.concurrentJobs(),
                task -> new Thread(task, "import-job-" + threads.incrementAndGet()));
    }

    void start(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            Log.info("import jobs: this instance records none (jpledger.imports.worker-enabled=false)");
            return;
        }
        running = true;
        poller = new Thread(this::poll, "import-jobs");
        poller.setDaemon(true);
        poller.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
        runners.shutdown();
        // A running job stops at its next batch boundary; one that does not is resumed elsewhere after its lease.
        runners.awaitTermination(30, TimeUnit.SECONDS);
    }

    private void poll() {
        Instant nextCleanup = Instant.now();
        while (running) {
            try {
                if (!Instant.now().isBefore(nextCleanup)) {
                    deleteOldFiles();
                    nextCleanup = Instant.now().plus(Duration.ofHours(1));
                }
                while (running && slots.tryAcquire()) {
                    Optional<UUID> claimed = claim();
                    if (claimed.isEmpty()) {
                        slots.release();
                        break;
                    }
                    runners.submit(RequestStatementTimeout.asBackground(() -> {
                        try {
                            run(claimed.get());
                        } finally {
                            slots.release();
                        }
                    }));
                }
            } catch (RuntimeException e) {
                Log.warnf("import jobs: looking for waiting jobs failed, retrying: %s", e.toString());
            }
            try {
                Thread.sleep(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Takes the oldest waiting job under a fresh lease, if there is one. */
    Optional<UUID> claim() {
        return QuarkusTransaction.requiringNew().call(() -> jobs.lockNextWaiting(clock.instant()).map(job -> {
            Instant now = clock.instant();
            if (job.state == ImportJob.State.RUNNING) {
                Log.infof("import job %s: lease of %s ran out at row %d; resuming", job.id, job.leaseOwner,
                        job.lastRow);
            }
            job.state = ImportJob.State.RUNNING;
            if (job.startedAt == null) {
                job.startedAt = now;
            }
            job.leaseOwner = owner;
            job.leaseUntil = now.plus(config.lease());
            return job.id;
        }));
    }

    private void deleteOldFiles() {
        Instant now = clock.instant();
        int deleted = QuarkusTransaction.requiringNew().call(() ->
                jobs.deleteFilesEndedBefore(now.minus(config.fileRetention()), now));
        if (deleted > 0) {
            Log.infof("import jobs: deleted the files of %d jobs ended before %s", deleted,
                    now.minus(config.fileRetention()));
        }
    }

    /** Records a claimed job from its last committed row to its end, a cancel, or the loss of its lease. */
    void run(UUID id) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(id));
        Actor actor = new Actor(job.submittedBy, UnitScope.ofClaim(Arrays.asList(job.unitScope.split(","))));
        RowSource rows;
        try {
            rows = formats.named(job.format).open(new StoredFile(jobs, id));
        } catch (RuntimeException refusal) {
            fail(id, refusal, true);
            return;
        }
        try {
            Instant since = Instant.now();
            List<ImportRow> batch = new ArrayList<>(config.batchRows());
            long skip = job.lastRow;
            boolean more = true;
            while (more) {
                ImportRow row = rows.next();
                if (row != null && row.number() <= skip) {
                    continue;
                }
                if (row != null) {
                    batch.add(row);
                }
                more = row != null && !row.last();
                if (!running) {
                    release(id);
                    return;
                }
                if (batch.size() == config.batchRows() || !more) {
                    Outcome outcome = commit(id, actor, batch, !more, since);
                    if (outcome != Outcome.GOING_ON) {
                        return;
                    }
                    batch.clear();
                    since = Instant.now();
                }
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "import job %s failed", id);
            fail(id, e, false);
        }
    }

    /**
     * Gives up the lease of a job this instance stops recording because it shuts down, so that the next instance to
     * look (this one after a restart too) resumes it at once rather than after the lease.
     */
    private void release(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> jobs.lockLeased(id, owner).ifPresent(job -> {
            job.leaseUntil = clock.instant();
            Log.infof("import job %s: stopped at row %d for shutdown; another worker resumes it", id, job.lastRow);
        }));
    }

    /** What became of a job at a batch boundary. */
    private enum Outcome { GOING_ON, ENDED, LEASE_LOST }

    /**
     * Records a batch and commits the job's progress with it, under the job's lock and only while this worker holds
     * its lease; a cancel asked for meanwhile ends the job here, before the batch. Should the batch's transaction fail
     * as a whole, the rows are recorded one by one (idempotent by sourceSystem and externalId) and the progress
     * committed after them.
     */
    private Outcome commit(UUID id, Actor actor, List<ImportRow> batch, boolean last, Instant since) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> progress(id, batch, last, since,
                    () -> batches.recordRowsTogether(batch, actor)));
        } catch (RuntimeException e) {
            Log.debugf(e, "import job %s: a batch failed as a whole; recording its rows one by one", id);
            List<BatchResult.Item> results = batches.recordRowsApart(batch, actor);
            return QuarkusTransaction.requiringNew().call(() -> progress(id, batch, last, since, () -> results));
        }
    }

    private Outcome progress(UUID id, List<ImportRow> batch, boolean last, Instant since,
            Supplier<List<BatchResult.Item>> record) {
        Optional<ImportJob> leased = jobs.lockLeased(id, owner);
        if (leased.isEmpty()) {
            Log.infof("import job %s: lease lost to another worker; stopping", id);
            return Outcome.LEASE_LOST;
        }
        ImportJob job = leased.get();
        Instant now = clock.instant();
        if (job.cancelRequested) {
            job.end(ImportJob.State.CANCELLED, now);
            return Outcome.ENDED;
        }
        List<BatchResult.Item> results = record.get();
        List<ErrorLine> lines = new ArrayList<>();
        long stored = job.errors;
        for (BatchResult.Item result : results) {
            switch (result.status()) {
                case CREATED -> job.created++;
                case EXISTING -> job.existing++;
                case ERROR -> {
                    job.errors++;
                    if (stored++ < config.maxErrorLines()) {
                        lines.addAll(linesOf(result.index(), result.problem()));
                    }
                }
            }
        }
        jobs.addErrors(id, lines);
        if (!batch.isEmpty()) {
            job.lastRow = batch.get(batch.size() - 1).number();
        }
        job.runningSeconds += Math.max(0, Duration.between(since, Instant.now()).toNanos() / 1e9);
        if (last) {
            job.end(ImportJob.State.COMPLETED, now);
            return Outcome.ENDED;
        }
        job.leaseUntil = now.plus(config.lease());
        return Outcome.GOING_ON;
    }

    /** Ends a job as FAILED; a file refused as a whole (its header) is reported as row 0 of its error report. */
    private void fail(UUID id, RuntimeException cause, boolean refusedFile) {
        Problem problem = Problems.from(cause);
        QuarkusTransaction.requiringNew().run(() -> jobs.lockLeased(id, owner).ifPresent(job -> {
            job.failure = problem.detail() != null ? problem.detail() : problem.title();
            if (refusedFile) {
                job.errors++;
                jobs.addErrors(id, linesOf(0, problem));
            }
            job.end(ImportJob.State.FAILED, clock.instant());
        }));
    }

    /** The error report's lines of a refused row: one per field error, or one for the problem as a whole. */
    private static List<ErrorLine> linesOf(long row, Problem problem) {
        List<ErrorLine> lines = new ArrayList<>();
        if (problem.errors() != null) {
            for (Problem.FieldError error : problem.errors()) {
                lines.add(new ErrorLine(row, lines.size(), error.field(), problem.status(), error.reason()));
            }
        }
        if (lines.isEmpty()) {
            lines.add(new ErrorLine(row, 0, null, problem.status(),
                    problem.detail() != null ? problem.detail() : problem.title()));
        }
        return lines;
    }
}

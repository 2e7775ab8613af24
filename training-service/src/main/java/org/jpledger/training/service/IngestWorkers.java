package org.jpledger.training.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jpledger.support.database.RequestStatementTimeout;
import org.jpledger.support.limits.Admission;
import org.jpledger.training.config.IngestConfig;

/**
 * The few workers bulk recording shares (batches, CSV imports), and the bound on the requests admitted to them: a
 * request beyond {@code jpledger.ingest.queue-size} is refused with 429 and Retry-After rather than waiting behind the
 * others, so that the work waiting for the workers stays bounded however many clients send at once. Any other bulk
 * intake (e.g. xAPI statements) can take its place in the same bound with {@link #admit()}.
 */
@ApplicationScoped
public class IngestWorkers {

    private final ExecutorService workers;
    private final Admission admission;

    public IngestWorkers(IngestConfig config) {
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.parallelism(),
                task -> new Thread(task, "ingest-" + threads.incrementAndGet()));
        this.admission = new Admission("bulk recording", config.queueSize(), config.busyRetryAfter());
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /**
     * Admits one bulk request, to be held while it records; close the ticket when done.
     *
     * @throws org.jpledger.support.limits.TooManyRequestsException when {@code queue-size} requests are admitted
     */
    public Admission.Ticket admit() {
        return admission.enter();
    }

    /** Bulk requests admitted now. */
    public int admitted() {
        return admission.admitted();
    }

    /** Runs a piece of an admitted request's work on a worker, under the request's statement timeout. */
    public Future<?> submit(Runnable work) {
        return workers.submit(RequestStatementTimeout.asRequest(work));
    }
}

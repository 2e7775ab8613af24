package org.jpledger.support.audit;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The audit log's housekeeping on one daemon thread: the tallies of anonymous refusals written every flush interval
 * (and at shutdown), the coming months' partitions made at startup and daily.
 */
@ApplicationScoped
public class AuditMaintenance {

    private static final Duration DAILY = Duration.ofDays(1);

    private final AnonymousRefusals anonymous;
    private final AuditPartitions partitions;
    private final AuditConfig config;
    private ScheduledExecutorService thread;

    public AuditMaintenance(AnonymousRefusals anonymous, AuditPartitions partitions, AuditConfig config) {
        this.anonymous = anonymous;
        this.partitions = partitions;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        partitions.makeAhead();
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread daemon = new Thread(task, "audit-maintenance");
            daemon.setDaemon(true);
            return daemon;
        });
        long flush = Math.max(1, config.anonymousFlushInterval().toMillis());
        thread.scheduleWithFixedDelay(anonymous::flushQuietly, flush, flush, TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::makePartitionsQuietly, DAILY.toMillis(), DAILY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (thread != null) {
            thread.shutdownNow();
        }
        anonymous.flushQuietly();
    }

    private void makePartitionsQuietly() {
        try {
            partitions.makeAhead();
        } catch (RuntimeException e) {
            Log.error("could not make the audit log's coming partitions", e);
        }
    }
}

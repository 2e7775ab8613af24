package org.jpledger.reporting.projection;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.config.ReportingConfig;
import org.jpledger.reporting.projection.ComplianceRepository.Rating;
import org.jpledger.support.database.RequestStatementTimeout;

/**
 * Keeps the precomputed unit figures fresh. A year's figures are rated as of one day and by one policy; the status of
 * an employee in the current year moves with the date, and every year's with its policy, so after a day change (in
 * Asia/Jakarta) or a policy change the year's figures are stale, and queries rate the employee rows live (the same
 * answer, slower) until this refresher has re-rated the year in one set-based statement. It runs just after midnight,
 * soon after a policy is stored on this instance, and every half minute from start (which also catches a missed run,
 * a policy stored through another instance, and a year that gained its first rows). Past and future years rate alike
 * whatever the day (see {@link Rating#dayFor}), so only the current year is re-rated daily.
 */
@ApplicationScoped
public class UnitFiguresRefresher {

    private final UnitFiguresRepository figures;
    private final ComplianceRepository compliance;
    private final PolicyRepository policies;
    private final ProjectionLock lock;
    private final ReportingConfig config;
    private final ManagedExecutor executor;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    public UnitFiguresRefresher(UnitFiguresRepository figures, ComplianceRepository compliance,
            PolicyRepository policies, ProjectionLock lock, ReportingConfig config, ManagedExecutor executor,
            Clock clock) {
        this.figures = figures;
        this.compliance = compliance;
        this.policies = policies;
        this.lock = lock;
        this.config = config;
        this.executor = executor;
        this.clock = clock;
    }

    @Scheduled(cron = "1 0 0 * * ?", timeZone = "Asia/Jakarta", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Scheduled(every = "30s", delay = 2, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        refreshStaleQuietly();
    }

    /** A stored policy changes its year's ratings: refresh soon, off the request's thread, once it has committed. */
    void policyStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyStored event) {
        // Background work, though the request's context travels with it: no request's statement timeout.
        executor.runAsync(RequestStatementTimeout.asBackground(this::refreshStaleQuietly));
    }

    /**
     * Re-rates every year whose figures are not rated as of today by its policy now, each year in a transaction of its
     * own under the projection lock (alone). A year another instance refreshed meanwhile is left as it is.
     *
     * @return the years refreshed
     */
    public List<Integer> refreshStale() {
        running.lock();
        try {
            LocalDate today = TrainingCalendar.today(clock);
            return refresh(QuarkusTransaction.requiringNew().call(() -> staleYears(today)), today);
        } finally {
            running.unlock();
        }
    }

    /** Re-rates the given years as of today where they are stale, with or without employee rows (for tests). */
    List<Integer> refresh(Collection<Integer> years) {
        running.lock();
        try {
            return refresh(years, TrainingCalendar.today(clock));
        } finally {
            running.unlock();
        }
    }

    private List<Integer> refresh(Collection<Integer> years, LocalDate today) {
        List<Integer> refreshed = new ArrayList<>();
        RuntimeException failure = null;
        for (int year : years) {
            long started = System.nanoTime();
            try {
                if (QuarkusTransaction.requiringNew().timeout(timeoutSeconds())
                        .call(() -> refreshIfStale(year, today))) {
                    refreshed.add(year);
                    Log.infof("Unit figures of %d re-rated as of %s in %d ms", year, Rating.dayFor(year, today),
                            (System.nanoTime() - started) / 1_000_000);
                }
            } catch (RuntimeException e) {
                // One year's failure (e.g. the lock wait ran out) must not keep the other years stale.
                Log.warnf("Re-rating the unit figures of %d failed (%s); tried again at the next run", year, e);
                failure = e;
            }
        }
        if (failure != null && refreshed.isEmpty()) {
            throw failure;
        }
        return refreshed;
    }

    /**
     * Rates, as of today, every year of the rebuild copies of the projection tables (a rebuild replays into empty
     * copies, whose figures start unrated), so the figures are fresh the moment the copies go live; the batches the
     * rebuild replays afterwards move them as usual. The years are those of the copies and those of the live tables,
     * because the copies may hold few rows yet (a short topic is replayed in the switch alone). {@code useCopies}
     * points a transaction at the copies; the policies are read from the live schema, in transactions of their own.
     * Only the rebuild writes the copies: no lock.
     */
    public void refreshRebuildCopies(Runnable useCopies) {
        LocalDate today = TrainingCalendar.today(clock);
        Set<Integer> years = new TreeSet<>(QuarkusTransaction.requiringNew().call(figures::years));
        years.addAll(QuarkusTransaction.requiringNew().call(() -> {
            useCopies.run();
            return figures.years();
        }));
        long started = System.nanoTime();
        for (int year : years) {
            Rating rating = QuarkusTransaction.requiringNew().call(() -> ratingFor(year, today));
            long version = QuarkusTransaction.requiringNew().call(() -> policyVersion(year));
            QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).run(() -> {
                useCopies.run();
                figures.refresh(rating, version);
            });
        }
        Log.infof("Rebuild: unit figures of %s rated in the copies in %d ms", years,
                (System.nanoTime() - started) / 1_000_000);
    }

    private Rating ratingFor(int year, LocalDate today) {
        return compliance.rating(year, compliance.policiesOf(year), Rating.dayFor(year, today));
    }

    private long policyVersion(int year) {
        Policy policy = policies.findById(year);
        return policy == null ? 0 : policy.version;
    }

    private void refreshStaleQuietly() {
        try {
            refreshStale();
        } catch (RuntimeException e) {
            // Queries rate live meanwhile; the next run tries again.
            Log.warnf("Refreshing the unit figures failed (%s); queries rate the employee rows live until it works", e);
        }
    }

    private List<Integer> staleYears(LocalDate today) {
        List<Integer> stale = new ArrayList<>();
        for (int year : figures.years()) {
            if (!compliance.fresh(ratingFor(year, today))) {
                stale.add(year);
            }
        }
        return stale;
    }

    private boolean refreshIfStale(int year, LocalDate today) {
        lock.takeAloneWithin(config.figuresLockWait());
        // Checked again under the lock: another instance may have refreshed the year since.
        Rating rating = ratingFor(year, today);
        if (compliance.fresh(rating)) {
            return false;
        }
        figures.refresh(rating, policyVersion(year));
        return true;
    }

    private int timeoutSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, config.figuresRefreshTimeout().toSeconds());
    }

    /** Fired by a stored policy change, in the transaction that stores it. */
    public record PolicyStored(int year) {
    }
}

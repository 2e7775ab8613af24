package org.jpledger.reporting.projection;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.config.ReportingConfig;

/**
 * Opens each new training year: an employee in service gets a row for the current year without any event about them
 * (on 1 January nobody's data changes, yet everyone now counts in the new year). Runs just after midnight in Jakarta,
 * and at start and every hour in case a run was missed.
 */
@ApplicationScoped
public class YearOpener {

    private static final int CHUNK = 500;

    private final EmployeeYearRepository employeeYears;
    private final ProjectionLock lock;
    private final ComplianceProjector projector;
    private final ReportingConfig config;
    private final Clock clock;

    public YearOpener(EmployeeYearRepository employeeYears, ProjectionLock lock, ComplianceProjector projector,
            ReportingConfig config, Clock clock) {
        this.employeeYears = employeeYears;
        this.lock = lock;
        this.projector = projector;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(cron = "5 0 0 * * ?", timeZone = "Asia/Jakarta", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Scheduled(every = "1h", delay = 5, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void openCurrentYear() {
        int opened = openYear(TrainingCalendar.today(clock).getYear());
        if (opened > 0) {
            Log.infof("Opened the training year for %d employees", opened);
        }
    }

    /** Gives every employee in service during {@code year} a row for it; returns how many were missing. */
    public int openYear(int year) {
        if (year < config.firstYear()) {
            return 0;
        }
        int opened = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(() -> {
                List<String> missing = employeeYears.employeesWithoutRow(year, CHUNK);
                // A second writer beside the consumer: the lock waits for its batches in flight and holds back new ones.
                lock.takeAlone();
                projector.refresh(new LinkedHashSet<>(missing));
                return missing.size();
            });
            opened += done;
            if (done < CHUNK) {
                return opened;
            }
        }
    }
}

package org.jpledger.reporting.export;

import java.time.Instant;
import org.jpledger.reporting.config.ExportsConfig;

/**
 * A schedule kind another package runs (the SIASN delta): {@link ScheduledExports} fires it on its cron, once per fire
 * time under the schedule's lock, and records and audits the run.
 */
public interface ScheduledRunner {

    /** The schedule kind it runs, as configured. */
    String kind();

    /** Runs the schedule {@code name} for {@code fireTime}; what it produced, as the run's record names it. */
    ExportManifest run(String name, ExportsConfig.Schedule schedule, Instant fireTime);
}

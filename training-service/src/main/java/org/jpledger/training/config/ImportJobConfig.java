package org.jpledger.training.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of import jobs: the stored files, the workers that record them, and how long files are kept. */
@ConfigMapping(prefix = "jpledger.imports")
public interface ImportJobConfig {

    /** The largest file a job takes; a larger one is refused with 413 and nothing is stored. */
    @WithDefault("512M")
    MemorySize maxFileSize();

    /** Jobs one instance records at once; each holds a database connection while it records a batch. */
    @WithDefault("2")
    int concurrentJobs();

    /**
     * Whether this instance records jobs; false leaves it storing files and answering about jobs while other
     * instances record them (or while the jobs wait), e.g. to drain it before maintenance.
     */
    @WithDefault("true")
    boolean workerEnabled();

    /** Rows recorded per transaction, which commits the job's progress with them. */
    @WithDefault("500")
    int batchRows();

    /**
     * How long a worker's claim on a running job lasts without a committed batch; another instance takes over a job
     * whose lease ran out (its worker died) and resumes it after its last committed row.
     */
    @WithDefault("2m")
    Duration lease();

    /** How often an idle instance looks for waiting jobs. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a job's file is kept after the job ends; its counts and error report are kept. */
    @WithDefault("7d")
    Duration fileRetention();

    /** Lines of one job's error report kept at most; further refused rows are counted only. */
    @WithDefault("100000")
    int maxErrorLines();

    /** How long storing an uploaded file may take before it is given up (and nothing stored). */
    @WithDefault("1h")
    Duration uploadTimeout();

}

package org.jpledger.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Exports: how many may stream to clients at once and how long a client may stall one; for the scheduled ones, where
 * their files go, how long they are kept, and one definition per schedule.
 */
@ConfigMapping(prefix = "jpledger.exports")
public interface ExportsConfig {

    /**
     * On-demand exports streaming at once, beyond which a request is answered 429 with Retry-After; each holds a
     * database connection until its client has read the last byte, so keep it well under the datasource pool (20).
     */
    @WithDefault("5")
    int maxStreaming();

    /** The Retry-After (rounded up to seconds) of an export refused because the others take every place. */
    @WithDefault("10s")
    Duration busyRetryAfter();

    /**
     * How long one write of an export may wait for its client (one that stopped reading) before the response is
     * aborted and the export's connection and place released.
     */
    @WithDefault("30s")
    Duration writeTimeout();

    /** Directory of the scheduled files and their manifests (shared by all instances). */
    @WithDefault("exports")
    String directory();

    /** Files older than this are removed. */
    @WithDefault("90d")
    Duration retention();

    /** The schedules by name, e.g. {@code jpledger.exports.schedules.monthly-governor.cron=0 0 2 1 * ?}. */
    Map<String, Schedule> schedules();

    /** One scheduled export. */
    interface Schedule {

        /** Quartz cron expression (seconds first), in Asia/Jakarta time. */
        String cron();

        /**
         * compliance, units, training-history or siasn-delta (a stored SIASN delta, acknowledged by an operator after
         * uploading; format, lang and the rest do not apply to it).
         */
        String kind();

        /** Unit whose subtree is exported; every unit when absent. */
        Optional<String> unitCode();

        /** compliance: only employees of this status. */
        Optional<String> status();

        /** The training year: current, previous or a year number; training-history covers that year. */
        @WithDefault("current")
        String year();

        /** csv or xlsx. */
        @WithDefault("csv")
        String format();

        /** Header language: id or en. */
        @WithDefault("id")
        String lang();

        /** CSV: start with a UTF-8 byte-order mark. */
        @WithDefault("false")
        boolean bom();

        /** CSV separator: comma or semicolon. */
        @WithDefault("comma")
        String separator();

        /** Where this schedule's files go; {@code jpledger.exports.directory} when absent. */
        Optional<String> directory();
    }
}

package org.jpledger.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MissedFireTimeTest {

    /** 02:00 Jakarta on the 1st of each month = 19:00 UTC the day before. */
    private static final String MONTHLY = "0 0 2 1 * ?";

    @Test
    void aScheduleNeverServedIsDueForItsLatestFireTime() {
        assertThat(ScheduledExports.missedFireTime(MONTHLY, Optional.empty(), Instant.parse("2026-11-22T05:00:00Z")))
                .hasValue(Instant.parse("2026-10-31T19:00:00Z"));
    }

    @Test
    void aServedFireTimeIsNotRunAgain() {
        assertThat(ScheduledExports.missedFireTime(MONTHLY, Optional.of(Instant.parse("2026-10-31T19:00:00Z")),
                Instant.parse("2026-11-22T05:00:00Z"))).isEmpty();
    }

    @Test
    void aFireTimeMissedWhileDownIsDueOnceOnStart() {
        assertThat(ScheduledExports.missedFireTime(MONTHLY, Optional.of(Instant.parse("2026-09-30T19:00:00Z")),
                Instant.parse("2026-11-22T05:00:00Z"))).hasValue(Instant.parse("2026-10-31T19:00:00Z"));
    }
}

package org.jpledger.reporting;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jpledger.contracts.reference.TrainingCalendar;

/** The service's clock in tests: the real time unless a test sets a moment (and resets it afterwards). */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends Clock {

    private volatile Instant fixed;

    /** Stops the clock at a local time in Asia/Jakarta. */
    public void setJakarta(LocalDateTime localTime) {
        fixed = localTime.atZone(TrainingCalendar.ZONE).toInstant();
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}

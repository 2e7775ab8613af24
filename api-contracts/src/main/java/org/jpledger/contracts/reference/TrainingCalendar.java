package org.jpledger.contracts.reference;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** A training year is a calendar year, and all training dates are local to Asia/Jakarta. */
public final class TrainingCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private TrainingCalendar() {
    }

    /** Today in Asia/Jakarta, whatever the server's own time zone. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The training year a completion ending on {@code endDate} counts in. */
    public static int yearOf(LocalDate endDate) {
        return endDate.getYear();
    }
}

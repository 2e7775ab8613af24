package org.jpledger.contracts.reference;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** A training year is a calendar year, and all training dates are local to Asia/Jakarta. */
public final class TrainingCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private static final int MINUTES_PER_JP = 45;

    private TrainingCalendar() {
    }

    /** Today in Asia/Jakarta, whatever the server's own time zone. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /**
     * Minutes in one JP (jam pelajaran) in a training year: 45 (Perlan LAN 10/2018, Lampiran: "1 (satu) JP setara
     * dengan 45 (empat puluh lima) menit"). The one source for every conversion between minutes and JP, so the xAPI
     * mapping and the reporting policies cannot disagree; a year with another length gets its own entry here.
     */
    public static int minutesPerJp(int year) {
        return MINUTES_PER_JP;
    }

    /** The training year a completion ending on {@code endDate} counts in. */
    public static int yearOf(LocalDate endDate) {
        return endDate.getYear();
    }
}

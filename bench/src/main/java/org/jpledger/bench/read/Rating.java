package org.jpledger.bench.read;

import java.time.LocalDate;
import java.time.Year;

/**
 * The status reporting-service gives an employee under the default policy of a year without a stored one (20 JP, every
 * employment type and level alike, pro-rated by days employed and rounded up), as of a day. The generator uses it to
 * aim each employee at a status, and the tests to check the mix; the service itself stays the judge in the benchmark.
 * JP are counted in halves here so that every comparison is exact.
 */
public final class Rating {

    /** The default policy's target: PP 11/2017, 20 JP a year. */
    public static final int DEFAULT_TARGET_JP = 20;

    /** Where an employee stands, as reporting-service names it. */
    public enum Status {
        COMPLIANT, ON_TRACK, AT_RISK, NOT_MET;

        /** Behind: the non-compliant list a unit head acts on. */
        public boolean behind() {
            return this == AT_RISK || this == NOT_MET;
        }
    }

    private Rating() {
    }

    /** The target in whole JP for a window of service within {@code year}: pro-rated and rounded up. */
    public static int targetJp(int year, LocalDate windowFrom, LocalDate windowUntil) {
        long days = days(windowFrom, windowUntil);
        int daysInYear = Year.of(year).length();
        return (int) ((DEFAULT_TARGET_JP * days + daysInYear - 1) / daysInYear);
    }

    /** Days of the window that have passed by {@code today} (0 when it has not started). */
    public static long elapsed(LocalDate windowFrom, LocalDate windowUntil, LocalDate today) {
        LocalDate end = today.isBefore(windowUntil) ? today : windowUntil;
        return Math.max(0, end.toEpochDay() - windowFrom.toEpochDay() + 1);
    }

    public static long days(LocalDate windowFrom, LocalDate windowUntil) {
        return windowUntil.toEpochDay() - windowFrom.toEpochDay() + 1;
    }

    /** The status of {@code totalHalves} (JP × 2) over the window, as of {@code today}. */
    public static Status status(int year, int totalHalves, LocalDate windowFrom, LocalDate windowUntil, LocalDate today) {
        int target = targetJp(year, windowFrom, windowUntil);
        if (totalHalves >= 2 * target) {
            return Status.COMPLIANT;
        }
        if (windowUntil.isBefore(today)) {
            return Status.NOT_MET;
        }
        long days = days(windowFrom, windowUntil);
        long elapsed = elapsed(windowFrom, windowUntil, today);
        return (long) totalHalves * days >= 2L * target * elapsed ? Status.ON_TRACK : Status.AT_RISK;
    }
}

package org.jpledger.training.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jpledger.support.problem.FieldErrors;

/**
 * The dates the record holds: four-digit years from 1900. Older dates belong to no civil servant's record, and dates
 * outside PostgreSQL's calendar (before 4713 BC, after year 5874897) would fail at the database instead of being named.
 */
final class RecordDates {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private RecordDates() {
    }

    /**
     * Names {@code field} in {@code errors} when {@code date} is after today in {@code zone}: the zone of the employee's
     * unit, so that a record made just after midnight in Papua (WIT) is not taken for tomorrow's in Jakarta.
     */
    static void checkNotFuture(FieldErrors errors, String field, LocalDate date, ZoneId zone, Clock clock) {
        if (date != null && date.isAfter(LocalDate.now(clock.withZone(zone)))) {
            errors.add(field, "must not be in the future (" + zone.getId() + ")");
        }
    }

    /** Names {@code field} in {@code errors} when {@code date} is present and outside the record's range. */
    static void check(FieldErrors errors, String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            errors.add(field, "must be from " + EARLIEST + " to " + LATEST);
        }
    }

    /**
     * Dates of one effective-dated history that break a rule by themselves: outside the record's range, after
     * {@code today}, or twice.
     */
    static void checkHistory(FieldErrors errors, String history, List<LocalDate> dates, LocalDate today) {
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < dates.size(); i++) {
            String field = history + "[" + i + "].effectiveFrom";
            LocalDate date = dates.get(i);
            check(errors, field, date);
            if (date.isAfter(today)) {
                errors.add(field, "must not be in the future");
            }
            if (!seen.add(date)) {
                errors.add(field, "another entry of " + history + " is on " + date + "; one entry per date");
            }
        }
    }
}

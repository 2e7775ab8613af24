package org.jpledger.training.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
}

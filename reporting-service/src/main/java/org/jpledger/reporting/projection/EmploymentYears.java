package org.jpledger.reporting.projection;

import java.time.LocalDate;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jpledger.contracts.events.UnitAssignment;

/**
 * The calendar of an employee's service: which training years they count in, the part of each year they were employed,
 * and the unit they count in that year (the unit they belonged to on their last employed day of it).
 */
public final class EmploymentYears {

    private EmploymentYears() {
    }

    /** The first and last day employed within a year. */
    public record Window(LocalDate from, LocalDate until) {

        public long days() {
            return until.toEpochDay() - from.toEpochDay() + 1;
        }
    }

    /** The days of {@code year} the employee was (or is planned to be) in service; empty when none. */
    public static Optional<Window> windowIn(int year, LocalDate employedFrom, LocalDate employedUntil) {
        if (employedFrom == null) {
            return Optional.empty();
        }
        LocalDate from = max(employedFrom, LocalDate.of(year, 1, 1));
        LocalDate until = employedUntil == null ? LocalDate.of(year, 12, 31) : min(employedUntil, LocalDate.of(year, 12, 31));
        return from.isAfter(until) ? Optional.empty() : Optional.of(new Window(from, until));
    }

    /** The years from {@code firstYear} through {@code currentYear} with at least one day in service. */
    public static IntStream yearsEmployed(LocalDate employedFrom, LocalDate employedUntil, int firstYear, int currentYear) {
        if (employedFrom == null) {
            return IntStream.empty();
        }
        int last = employedUntil == null ? currentYear : Math.min(employedUntil.getYear(), currentYear);
        return IntStream.rangeClosed(Math.max(employedFrom.getYear(), firstYear), last);
    }

    /**
     * The unit of the employee on {@code day}: the latest assignment taking effect on or before it; the earliest one
     * when the day precedes them all; {@code currentUnit} without a history (events from before histories existed).
     * Transfers are never dated in the future, so on the last day of the current year this is today's unit.
     */
    public static String unitOn(LocalDate day, List<UnitAssignment> history, String currentUnit) {
        if (history == null || history.isEmpty()) {
            return currentUnit;
        }
        List<UnitAssignment> ordered = history.stream().sorted(Comparator.comparing(UnitAssignment::effectiveFrom)).toList();
        String unit = ordered.get(0).unitCode();
        for (UnitAssignment assignment : ordered) {
            if (!assignment.effectiveFrom().isAfter(day)) {
                unit = assignment.unitCode();
            }
        }
        return unit;
    }

    public static int daysIn(int year) {
        return Year.of(year).length();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

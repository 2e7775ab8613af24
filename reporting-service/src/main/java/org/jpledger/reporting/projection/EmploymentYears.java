package org.jpledger.reporting.projection;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;

/**
 * The calendar of an employee's service: which training years they count in, the part of each year they were employed,
 * the unit they count in that year (the unit they belonged to on their last employed day of it), their employment type
 * and position level that year (those in force on the same day), and the days of it they were exempt.
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
        UnitAssignment entry = entryOn(day, history, UnitAssignment::effectiveFrom);
        return entry == null ? currentUnit : entry.unitCode();
    }

    /**
     * The employment type and position level of the employee on {@code day}, by the rule of {@link #unitOn}; the
     * current ones without a history (events from before positions were effective-dated).
     */
    public static PositionAssignment positionOn(LocalDate day, List<PositionAssignment> history,
            EmploymentType currentType, PositionLevel currentLevel) {
        PositionAssignment entry = entryOn(day, history, PositionAssignment::effectiveFrom);
        return entry == null ? new PositionAssignment(currentType, currentLevel, null) : entry;
    }

    /**
     * The exempt stretches of a window: the exemption periods (open-ended ones to the window's end) clipped to it and
     * merged where they overlap or touch, in date order, so that a day exempt twice counts once.
     */
    public static List<Window> exemptIn(Window window, List<ExemptionPeriod> exemptions) {
        List<Window> clipped = new ArrayList<>();
        if (exemptions != null) {
            for (ExemptionPeriod period : exemptions) {
                LocalDate from = max(period.from(), window.from());
                LocalDate until = period.until() == null ? window.until() : min(period.until(), window.until());
                if (!from.isAfter(until)) {
                    clipped.add(new Window(from, until));
                }
            }
        }
        clipped.sort(Comparator.comparing(Window::from));
        List<Window> merged = new ArrayList<>();
        for (Window stretch : clipped) {
            Window last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !stretch.from().isAfter(last.until().plusDays(1))) {
                merged.set(merged.size() - 1, new Window(last.from(), max(last.until(), stretch.until())));
            } else {
                merged.add(stretch);
            }
        }
        return merged;
    }

    /** The days of the stretches together. */
    public static int days(List<Window> stretches) {
        return (int) stretches.stream().mapToLong(Window::days).sum();
    }

    /**
     * The latest entry taking effect on or before {@code day}; the earliest one when the day precedes them all; null
     * without entries.
     */
    private static <T> T entryOn(LocalDate day, List<T> history, Function<T, LocalDate> effectiveFrom) {
        if (history == null || history.isEmpty()) {
            return null;
        }
        List<T> ordered = history.stream().sorted(Comparator.comparing(effectiveFrom)).toList();
        T found = ordered.get(0);
        for (T entry : ordered) {
            if (!effectiveFrom.apply(entry).isAfter(day)) {
                found = entry;
            }
        }
        return found;
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

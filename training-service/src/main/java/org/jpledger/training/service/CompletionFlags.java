package org.jpledger.training.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.training.config.PlausibilityConfig;

/** What is implausible about a completion's content: the flags a version is stored with (it still counts). */
final class CompletionFlags {

    private CompletionFlags() {
    }

    /** Days from {@code start} to {@code end}, both included. */
    static long span(LocalDate start, LocalDate end) {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** The most JP per day a training of {@code method} may claim before it is flagged. */
    static BigDecimal maxJpPerDay(TrainingMethod method, PlausibilityConfig bounds) {
        return method == TrainingMethod.NONKLASIKAL ? bounds.maxJpPerDayNonklasikal() : bounds.maxJpPerDayKlasikal();
    }

    /**
     * The flags of a completion claiming {@code jp} (null when it gave days instead: the rule table rates those) over
     * {@code start} to {@code end}: IMPLAUSIBLE_JP_PER_DAY when the JP per day of the span exceed {@code maxJpPerDay}.
     */
    static List<CompletionFlag> of(BigDecimal jp, LocalDate start, LocalDate end, BigDecimal maxJpPerDay) {
        if (jp == null || end.isBefore(start)) {
            return List.of();
        }
        // Compared as jp > ceiling × days, exactly, rather than through a rounded quotient.
        boolean implausible = jp.compareTo(maxJpPerDay.multiply(BigDecimal.valueOf(span(start, end)))) > 0;
        return implausible ? List.of(CompletionFlag.IMPLAUSIBLE_JP_PER_DAY) : List.of();
    }
}

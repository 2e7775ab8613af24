package org.jpledger.training.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every version of the recognition rules with the training dates it is in force: a completion is recognised by the
 * version in force on its end date. The periods follow one another, oldest first, without overlaps.
 */
public record RecognitionRuleBook(List<Period> periods) {

    /**
     * One version's rules and validity.
     *
     * @param validUntil the last date in force, inclusive; null when open-ended
     */
    public record Period(LocalDate validFrom, LocalDate validUntil, RecognitionRules rules) {

        boolean covers(LocalDate date) {
            return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil));
        }
    }

    public RecognitionRuleBook {
        periods = List.copyOf(periods);
    }

    /** The rules in force on {@code date}; empty when no version covers it. */
    public Optional<RecognitionRules> inForceOn(LocalDate date) {
        return periods.stream().filter(p -> p.covers(date)).map(Period::rules).findFirst();
    }

    /** The rules of one version. */
    public Optional<RecognitionRules> version(int version) {
        return periods.stream().map(Period::rules).filter(r -> r.version() == version).findFirst();
    }
}

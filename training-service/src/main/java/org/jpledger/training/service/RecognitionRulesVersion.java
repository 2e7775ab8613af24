package org.jpledger.training.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jpledger.training.domain.RecognitionRuleSet;

/**
 * One stored version of the recognition rule table, its day rates in kind order.
 *
 * @param createdBy  the subject of the token that stored it (version 1 names the migration that seeded it)
 * @param validUntil the last training (end) date it recognises, inclusive; null for no end
 */
public record RecognitionRulesVersion(int version, BigDecimal internationalFactor,
        List<RecognitionRulesTable.DayRate> dayRates, Instant createdAt, String createdBy, LocalDate validFrom,
        LocalDate validUntil) {

    public static RecognitionRulesVersion of(RecognitionRuleSet set) {
        return new RecognitionRulesVersion(set.version, set.internationalFactor, set.dayRates.stream()
                .sorted(Comparator.comparingInt(r -> r.kindId))
                .map(r -> new RecognitionRulesTable.DayRate(r.kindId, r.jpPerDay, r.jpPerDayInternational)).toList(),
                set.createdAt, set.createdBy, set.validFrom, set.validUntil);
    }
}

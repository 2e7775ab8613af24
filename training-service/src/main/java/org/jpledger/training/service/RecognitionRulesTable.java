package org.jpledger.training.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A recognition rule table: the command to store it as the next version.
 *
 * @param internationalFactor factor for claimed JP of international training (1.20 = +20%)
 * @param dayRates            kinds that may give days instead of JP, with their JP per day
 * @param validFrom           the first training (end) date it recognises; after the latest version's
 * @param validUntil          the last training (end) date it recognises, inclusive; null for no end
 */
public record RecognitionRulesTable(BigDecimal internationalFactor, List<DayRate> dayRates, LocalDate validFrom,
        LocalDate validUntil) {

    /** JP per day of one kind, at home and abroad. */
    public record DayRate(int kindId, BigDecimal jpPerDay, BigDecimal jpPerDayInternational) {
    }
}

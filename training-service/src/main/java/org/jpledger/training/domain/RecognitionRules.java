package org.jpledger.training.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * One version of the rules that turn a completion into recognised JP (Perlan 10/2018 by default): stated JP counts as
 * stated, times the international factor when international; kinds with a day rate may give days instead of JP.
 *
 * @param dayRates by kind id
 */
public record RecognitionRules(int version, BigDecimal internationalFactor, Map<Integer, DayRate> dayRates) {

    /** JP per day of a kind counted by days. */
    public record DayRate(BigDecimal jpPerDay, BigDecimal jpPerDayInternational) {
    }

    public RecognitionRules {
        dayRates = Map.copyOf(dayRates);
    }

    /** The recognised JP, or empty when neither JP nor (for a day-counted kind) days were given. */
    public Optional<BigDecimal> recognize(int kindId, BigDecimal claimedJp, Integer days, boolean international) {
        if (claimedJp != null) {
            BigDecimal jp = international ? claimedJp.multiply(internationalFactor) : claimedJp;
            return Optional.of(jp.setScale(2, RoundingMode.HALF_UP));
        }
        DayRate rate = dayRates.get(kindId);
        if (days == null || rate == null) {
            return Optional.empty();
        }
        BigDecimal perDay = international ? rate.jpPerDayInternational() : rate.jpPerDay();
        return Optional.of(perDay.multiply(BigDecimal.valueOf(days)).setScale(2, RoundingMode.HALF_UP));
    }

    /** Whether a kind may give days instead of JP. */
    public boolean countsByDays(int kindId) {
        return dayRates.containsKey(kindId);
    }
}

package org.jpledger.training.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.domain.RecognitionRuleSet;

/** A version of the recognition rule table. */
@Schema(name = "RecognitionRules", description = "One version of the recognition rule table.")
public record RecognitionRulesResponse(int version, BigDecimal internationalFactor,
        List<RecognitionRulesRequest.DayRate> dayRates, Instant createdAt, String createdBy) {

    public static RecognitionRulesResponse from(RecognitionRuleSet set) {
        return new RecognitionRulesResponse(set.version, set.internationalFactor, set.dayRates.stream()
                .sorted(Comparator.comparingInt(r -> r.kindId))
                .map(r -> new RecognitionRulesRequest.DayRate(r.kindId, r.jpPerDay, r.jpPerDayInternational)).toList(),
                set.createdAt, set.createdBy);
    }
}

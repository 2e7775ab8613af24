package org.jpledger.training.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.RecognitionRulesVersion;

/** A version of the recognition rule table. */
@Schema(name = "RecognitionRules", description = "One version of the recognition rule table.")
public record RecognitionRulesResponse(
        @Schema(description = "Version of the table, from 1") int version,
        @Schema(description = "Factor for claimed JP of international training") BigDecimal internationalFactor,
        @Schema(description = "Kinds that may give days instead of JP, with their JP per day")
        List<RecognitionRulesRequest.DayRate> dayRates,
        @Schema(description = "When this version was stored") Instant createdAt,
        @Schema(description = "Who stored it: the subject of the token that stored it (version 1 names the migration "
                + "that seeded it)") String createdBy,
        @Schema(description = "The first training end date this version recognises (version 1: 1900-01-01, the "
                + "record's earliest date)") LocalDate validFrom,
        @Schema(description = "The last training end date this version recognises, inclusive; absent while it has no "
                + "end (the latest version, unless stored with one)") LocalDate validUntil) {

    public static RecognitionRulesResponse from(RecognitionRulesVersion rules) {
        return new RecognitionRulesResponse(rules.version(), rules.internationalFactor(), rules.dayRates().stream()
                .map(r -> new RecognitionRulesRequest.DayRate(r.kindId(), r.jpPerDay(), r.jpPerDayInternational()))
                .toList(), rules.createdAt(), rules.createdBy(), rules.validFrom(), rules.validUntil());
    }
}

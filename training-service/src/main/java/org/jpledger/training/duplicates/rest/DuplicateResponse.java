package org.jpledger.training.duplicates.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DuplicateRule;
import org.jpledger.training.duplicates.domain.DuplicatePair;
import org.jpledger.training.duplicates.service.DuplicateView;
import org.jpledger.training.service.CompletionSnapshot;

/** A possible duplicate of a completion as the API shows it. */
@Schema(name = "DuplicateResponse", description = "Another completion of the same employee that looks like the same "
        + "training, why, and what a verifier decided.")
public record DuplicateResponse(
        @Schema(description = "The rules that matched: SAME_CERTIFICATE, SIMILAR_TITLE_OVERLAPPING_DATES, "
                + "OVERLAPPING_FULL_TIME_KLASIKAL") List<DuplicateRule> rules,
        @Schema(description = "OPEN (waiting for a verifier), NOT_DUPLICATE or DUPLICATE") DuplicatePair.State state,
        @Schema(description = "When the pair was found") Instant foundAt,
        @Schema(description = "The verifier who decided; absent while OPEN") String decidedBy,
        @Schema(description = "When it was decided; absent while OPEN") Instant decidedAt,
        @Schema(description = "The other completion") Other other) {

    /** The other completion of the pair, in brief. */
    @Schema(name = "DuplicateOther", description = "The other completion of a possible duplicate pair.")
    public record Other(
            @Schema(description = "Id") UUID id,
            @Schema(description = "Current version") long version,
            @Schema(description = "Name of the training") String title,
            @Schema(description = "National training kind id") int kindId,
            @Schema(description = "First day") LocalDate startDate,
            @Schema(description = "Last day") LocalDate endDate,
            @Schema(description = "Claimed JP; absent when days were sent") BigDecimal jp,
            @Schema(description = "JP that count") BigDecimal recognizedJp,
            @Schema(description = "Certificate number") String certificateNumber,
            @Schema(description = "The reporting system") String sourceSystem,
            @Schema(description = "ACTIVE or VOIDED") CompletionStatus status,
            @Schema(description = "Its flags") List<CompletionFlag> flags) {

        static Other from(CompletionSnapshot c) {
            return new Other(c.id(), c.version(), c.title(), c.kindId(), c.startDate(), c.endDate(), c.jp(),
                    c.recognizedJp(), c.certificateNumber(), c.sourceSystem(), c.status(), c.flags());
        }
    }

    static DuplicateResponse from(DuplicateView v) {
        return new DuplicateResponse(v.rules(), v.state(), v.foundAt(), v.decidedBy(), v.decidedAt(),
                Other.from(v.other()));
    }
}

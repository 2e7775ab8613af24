package org.jpledger.training.verification.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.training.verification.service.QueueItem;

/** A completion waiting in the verifier's queue, as the API shows it. */
@Schema(name = "QueueItem", description = "A completion waiting for a verifier, with its employee and unit.")
public record QueueItemResponse(
        @Schema(description = "Id of the completion") UUID id,
        @Schema(description = "Its current version: send it back in If-Match when deciding") long version,
        @Schema(description = "NIP of the employee") String nip,
        @Schema(description = "Name of the employee") String employeeName,
        @Schema(description = "Code of the employee's current unit") String unitCode,
        @Schema(description = "Name of the employee's current unit") String unitName,
        @Schema(description = "Name of the training") String title,
        @Schema(description = "National training kind id (1-25)") int kindId,
        @Schema(description = "Name of the kind") String kindName,
        @Schema(description = "KLASIKAL or NONKLASIKAL") TrainingMethod method,
        @Schema(description = "First day") LocalDate startDate,
        @Schema(description = "Last day") LocalDate endDate,
        @Schema(description = "Claimed JP as sent; absent when days were sent instead") BigDecimal jp,
        @Schema(description = "Days as sent") Integer days,
        @Schema(description = "JP it is recognised for") BigDecimal recognizedJp,
        @Schema(description = "Certificate number") String certificateNumber,
        @Schema(description = "The reporting system") String sourceSystem,
        @Schema(description = "When it was first recorded: the queue's order") Instant recordedAt,
        @Schema(description = "Who recorded it (token subject or source system): never its verifier") String recordedBy,
        @Schema(description = "SUBMITTED, or another state when it waits for a flag (POSSIBLE_DUPLICATE) to be resolved")
        VerificationState verification,
        @Schema(description = "Its flags: IMPLAUSIBLE_JP_PER_DAY, POSSIBLE_DUPLICATE; empty for none")
        List<String> flags) {

    static QueueItemResponse from(QueueItem i) {
        return new QueueItemResponse(i.id(), i.version(), i.nip(), i.employeeName(), i.unitCode(), i.unitName(),
                i.title(), i.kindId(), i.kindName(), i.method(), i.startDate(), i.endDate(), i.jp(), i.days(),
                i.recognizedJp(), i.certificateNumber(), i.sourceSystem(), i.recordedAt(), i.recordedBy(),
                i.verification(), i.flags());
    }
}

package org.jpledger.training.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.training.domain.Completion;

/** A recorded completion as the API shows it, with the method derived from its kind and the JP it is recognised for. */
public record CompletionResponse(
        UUID id,
        long version,
        String nip,
        String title,
        int kindId,
        TrainingMethod method,
        CompetencyType competencyType,
        DeliveryMode deliveryMode,
        String provider,
        LocalDate startDate,
        LocalDate endDate,
        int year,
        BigDecimal jp,
        Integer days,
        boolean international,
        BigDecimal recognizedJp,
        String certificateNumber,
        String sourceSystem,
        String externalId,
        Instant recordedAt) {

    public static CompletionResponse from(Completion c) {
        return new CompletionResponse(c.id, c.version, c.nip, c.title, c.kindId, c.method, c.competencyType, c.deliveryMode,
                c.provider, c.startDate, c.endDate, c.year, c.jp, c.days, c.international, c.recognizedJp,
                c.certificateNumber, c.sourceSystem, c.externalId, c.recordedAt);
    }
}

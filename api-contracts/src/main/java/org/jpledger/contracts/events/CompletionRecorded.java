package org.jpledger.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.TrainingMethod;

/**
 * Payload of {@link EventTypes#COMPLETION_RECORDED_V1}: one training completion as recorded.
 *
 * @param year          the training year the completion counts in (year of {@code endDate}, Asia/Jakarta)
 * @param jp            the lesson hours the provider stated, null when the kind is counted by days
 * @param recognizedJp  the lesson hours that count toward the yearly duty
 * @param version       the completion's version; 1 when first recorded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompletionRecorded(
        UUID completionId,
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
        String externalId) {
}

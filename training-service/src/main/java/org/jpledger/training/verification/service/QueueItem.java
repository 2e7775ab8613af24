package org.jpledger.training.verification.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.contracts.reference.VerificationState;

/** One completion waiting in the verifier's queue, with its employee and the employee's current unit. */
public record QueueItem(UUID id, long version, String nip, String employeeName, String unitCode, String unitName,
        String title, int kindId, String kindName, TrainingMethod method, LocalDate startDate, LocalDate endDate,
        BigDecimal jp, Integer days, BigDecimal recognizedJp, String certificateNumber, String sourceSystem,
        Instant recordedAt, String recordedBy, VerificationState verification, List<String> flags) {
}

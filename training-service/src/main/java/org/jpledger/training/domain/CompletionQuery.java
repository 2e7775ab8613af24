package org.jpledger.training.domain;

import java.time.LocalDate;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.contracts.reference.CompletionStatus;

/**
 * Filters of a completion listing; null means "any".
 *
 * @param afterSeq the recording position the page starts after (from the cursor)
 */
public record CompletionQuery(String nip, String unitCode, LocalDate from, LocalDate to, CompletionStatus status,
        CompletionFlag flag, VerificationState verification, int limit, Long afterSeq) {
}

package org.jpledger.training.verification.domain;

import java.time.Instant;
import java.util.UUID;
import org.jpledger.contracts.reference.CompletionFlag;

/**
 * Filters of the verifier's queue; null means "any".
 *
 * @param afterRecordedAt with {@code afterId}, the queue position the page starts after (from the cursor)
 */
public record QueueQuery(String unitCode, Integer kindId, String sourceSystem, CompletionFlag flag, int limit,
        Instant afterRecordedAt, UUID afterId) {
}

package org.jpledger.training.service;

import java.time.Instant;
import org.jpledger.training.domain.CompletionHistoryEntry.Change;
import org.jpledger.training.domain.CompletionHistoryEntry.Recognition;

/**
 * One version of a completion in its history: the completion as it was, and who made the change when.
 *
 * @param changedBy   the subject of the caller's token (versions written before access control name the source system)
 * @param recognition why the version's recognised JP is what it is; null when the history row does not say
 */
public record CompletionVersion(long version, Change change, Instant changedAt, String changedBy,
        CompletionSnapshot completion, Recognition recognition) {
}

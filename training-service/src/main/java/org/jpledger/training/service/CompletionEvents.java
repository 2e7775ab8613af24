package org.jpledger.training.service;

import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.Topics;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.domain.CompletionHistoryEntry.Change;
import org.jpledger.training.outbox.OutboxWriter;

/** The events of a completion: always its full state, typed by what happened to it. */
final class CompletionEvents {

    private CompletionEvents() {
    }

    /**
     * Appends the event describing {@code c} at its current version, made by {@code changedBy}, in the caller's
     * transaction.
     */
    static void append(OutboxWriter outbox, Completion c, Change change, String changedBy) {
        outbox.append(Topics.EMPLOYEES, c.nip, typeOf(c, change), payload(c, changedBy));
    }

    /** Appends {@code c}'s current state again (a republish), typed by its status and version. */
    static void append(OutboxWriter outbox, Completion c, String changedBy) {
        append(outbox, c, null, changedBy);
    }

    static String typeOf(Completion c, Change change) {
        if (change == Change.REVIEWED) {
            return EventTypes.COMPLETION_REVIEWED_V1;
        }
        if (c.status == CompletionStatus.VOIDED) {
            return EventTypes.COMPLETION_VOIDED_V1;
        }
        return c.version == 1 ? EventTypes.COMPLETION_RECORDED_V1 : EventTypes.COMPLETION_AMENDED_V1;
    }

    static CompletionRecorded payload(Completion c, String changedBy) {
        return new CompletionRecorded(c.id, c.version, c.nip, c.title, c.kindId, c.method, c.competencyType,
                c.deliveryMode, c.provider, c.startDate, c.endDate, c.year, c.jp, c.days, c.international, c.recognizedJp,
                c.certificateNumber, c.sourceSystem, c.externalId, c.status, c.ruleVersion, c.voidReason,
                CompletionSnapshot.flagsOf(c), changedBy, c.verification, c.duplicateOf);
    }
}

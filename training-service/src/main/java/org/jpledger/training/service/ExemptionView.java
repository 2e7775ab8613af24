package org.jpledger.training.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.reference.ExemptionKind;
import org.jpledger.training.domain.Exemption;

/** An exemption period as stored: the period, who recorded it when, and, once deleted, who deleted it when. */
public record ExemptionView(UUID id, String nip, ExemptionKind kind, LocalDate from, LocalDate until, String reference,
        Instant recordedAt, String recordedBy, Instant deletedAt, String deletedBy) {

    public static ExemptionView of(Exemption e) {
        return new ExemptionView(e.id, e.nip, e.kind, e.fromDate, e.untilDate, e.reference, e.recordedAt, e.recordedBy,
                e.deletedAt, e.deletedBy);
    }

    /** The period as events carry it. */
    static ExemptionPeriod period(Exemption e) {
        return new ExemptionPeriod(e.id, e.kind, e.fromDate, e.untilDate, e.reference);
    }
}

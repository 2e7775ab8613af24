package org.jpledger.reporting.siasn.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;

/** Builds SIASN test ledgers: units with instansi ids, employees with person ids, completions of every sort. */
final class SiasnFixture {

    private final LedgerEvents events;
    private final Projections projections;
    private final List<RecordMetadata> sent = new ArrayList<>();

    SiasnFixture(LedgerEvents events, Projections projections) {
        this.events = events;
        this.projections = projections;
    }

    void unit(String code, String name, String parent, String instansiId) {
        sent.add(events.unit(new UnitUpserted(code, name, parent, 1, null, null, null, null, instansiId)));
    }

    void employee(String nip, String name, String unit, String pnsOrangId) {
        sent.add(events.employee(new EmployeeUpserted(nip, name, EmploymentType.PNS, PositionLevel.PELAKSANA, unit,
                LocalDate.of(2010, 1, 1), null, 1, null, null, null, null, pnsOrangId)));
    }

    /** A completion in any state; {@code jp} null with {@code days} for a kind counted by days. */
    CompletionRecorded completion(UUID id, long version, String nip, int kindId, String title, String jp,
            Integer days, boolean international, String recognizedJp, LocalDate start, LocalDate end,
            String certificate, boolean voided) {
        CompletionRecorded completion = new CompletionRecorded(id, version, nip, title, kindId,
                TrainingMethod.KLASIKAL, CompetencyType.TEKNIS, DeliveryMode.LURING,
                "BPSDMD Provinsi Jawa Tengah, Semarang", start, end, end.getYear(), jp == null ? null
                        : new BigDecimal(jp), days, international, new BigDecimal(recognizedJp), certificate, "test",
                id.toString(), voided ? CompletionStatus.VOIDED : CompletionStatus.ACTIVE, 1,
                voided ? "salah input" : null);
        sent.add(version > 1 && !voided ? events.amended(completion) : events.completion(completion));
        return completion;
    }

    /** {@code completion} reviewed into {@code state} by its next {@code version}, sent as completion.reviewed.v1. */
    void reviewed(CompletionRecorded completion, long version, VerificationState state) {
        sent.add(events.reviewed(LedgerEvents.reviewedAs(completion, version, state, null)));
    }

    /** Waits until every event sent so far is applied. */
    void await() {
        sent.forEach(projections::awaitHandled);
        sent.clear();
    }
}

package org.jpledger.training.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.reference.ExemptionKind;
import org.jpledger.training.service.ExemptionView;

/** An exemption period as the API shows it, with its kind's Indonesian label. */
@Schema(name = "ExemptionResponse", description = "A period in which the employee is not judged, both days included, "
        + "and who recorded (and deleted) it when.")
public record ExemptionResponse(
        @Schema(description = "Id of the exemption") UUID id,
        @Schema(description = KINDS) ExemptionKind kind,
        @Schema(description = "The kind's Indonesian label", examples = "Tugas belajar") String kindLabel,
        @Schema(description = "First day of the period") LocalDate from,
        @Schema(description = "Last day of the period; absent while open-ended") LocalDate until,
        @Schema(description = "Number of the decision (SK) that grants it") String reference,
        @Schema(description = "When it was recorded") Instant recordedAt,
        @Schema(description = "Who recorded it: the subject of the caller's token") String recordedBy,
        @Schema(description = "When it was deleted; absent while in force") Instant deletedAt,
        @Schema(description = "Who deleted it; absent while in force") String deletedBy) {

    /** The kinds with their labels, as the schema describes them (a test holds it to the enum). */
    static final String KINDS = "Why the employee is not judged: TUGAS_BELAJAR (Tugas belajar), CLTN (Cuti di luar "
            + "tanggungan negara), CUTI_BESAR (Cuti besar), CUTI_MELAHIRKAN (Cuti melahirkan), "
            + "CUTI_SAKIT_PANJANG (Cuti sakit panjang), PEMBERHENTIAN_SEMENTARA (Pemberhentian sementara), "
            + "DIPERBANTUKAN (Diperbantukan di luar instansi), DIPEKERJAKAN (Dipekerjakan di luar instansi)";

    public static ExemptionResponse from(ExemptionView e) {
        return new ExemptionResponse(e.id(), e.kind(), e.kind().label(), e.from(), e.until(), e.reference(),
                e.recordedAt(), e.recordedBy(), e.deletedAt(), e.deletedBy());
    }
}

package org.jpledger.training.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.UnitHistoryCorrection;

/** Body of {@code PUT /api/v1/units/{code}/history}: the whole history, and why it is corrected. */
@Schema(name = "UnitHistoryCorrectionRequest", description = "A unit's corrected history, which replaces the stored "
        + "one.")
public record UnitHistoryCorrectionRequest(
        @Schema(description = "Every name and parent the unit has had, with the date each took effect (any order, no "
                + "two on one date); the latest becomes the current name and parent")
        @NotNull @Size(min = 1, max = UnitHistoryCorrection.MAX_ENTRIES) List<@Valid @NotNull UnitPeriodItem> history,
        @Schema(description = "Why the history is corrected, e.g. the SK that arrived late; kept in the audit log",
                examples = "SK reorganisasi 061/45/2026 dengan TMT 1 Januari 2026 diterima terlambat")
        @NotBlank @Size(max = UnitHistoryCorrection.MAX_REASON) String reason) {

    /** The command this body asks for. */
    public UnitHistoryCorrection toCommand() {
        return new UnitHistoryCorrection(history.stream().map(UnitPeriodItem::toCommand).toList(), reason);
    }
}

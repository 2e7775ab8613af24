package org.jpledger.training.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.HistoryCorrection;

/** Body of {@code PUT /api/v1/employees/{nip}/history}: both histories whole, and why they are corrected. */
@Schema(name = "HistoryCorrectionRequest", description = "An employee's corrected unit and position histories, "
        + "which replace the stored ones.")
public record HistoryCorrectionRequest(
        @Schema(description = "Every unit the employee has belonged to, with the date each took effect (any order, no "
                + "two on one date); the earliest on employedFrom; the latest becomes the current unit")
        @NotNull @Size(min = 1, max = HistoryCorrection.MAX_ENTRIES) List<@Valid @NotNull UnitHistoryEntry> unitHistory,
        @Schema(description = "Every employment type and position level the employee has had, with the date each took "
                + "effect (any order, no two on one date); the earliest on employedFrom; the latest becomes current")
        @NotNull @Size(min = 1, max = HistoryCorrection.MAX_ENTRIES)
        List<@Valid @NotNull PositionHistoryEntry> positionHistory,
        @Schema(description = "Why the history is corrected, e.g. the SK that arrived late; kept in the audit log",
                examples = "SK mutasi 800/123/2025 dengan TMT 1 Maret 2025 diterima terlambat")
        @NotBlank @Size(max = HistoryCorrection.MAX_REASON) String reason) {

    /** The command this body asks for. */
    public HistoryCorrection toCommand() {
        return new HistoryCorrection(unitHistory.stream().map(UnitHistoryEntry::toCommand).toList(),
                positionHistory.stream().map(PositionHistoryEntry::toCommand).toList(), reason);
    }
}

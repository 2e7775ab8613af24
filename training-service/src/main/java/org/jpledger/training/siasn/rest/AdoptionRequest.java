package org.jpledger.training.siasn.rest;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.CompletionBatchService;
import org.jpledger.training.siasn.service.Adoption;

/** Body of {@code POST /api/v1/siasn/reconciliations/{id}/adoptions}. */
@Schema(name = "SiasnAdoptionRequest", description = "The SIASN-only items to take into the ledger: items, or all.")
public record AdoptionRequest(
        @Schema(description = "Item ids (SIASN_ONLY items), at most " + CompletionBatchService.MAX_BATCH)
        @Size(max = CompletionBatchService.MAX_BATCH) List<Integer> items,
        @Schema(description = "true for every SIASN-only item of the reconciliation") Boolean all) {

    Adoption toCommand() {
        return new Adoption(items, all);
    }
}

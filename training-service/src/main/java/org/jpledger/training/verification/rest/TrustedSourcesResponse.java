package org.jpledger.training.verification.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.verification.service.TrustedSourceService.UnitTrust;

/** One unit's trusted source systems. */
@Schema(name = "TrustedSources", description = "The source systems whose completions are AUTO_VERIFIED for the "
        + "employees of a unit and of every unit below it.")
public record TrustedSourcesResponse(
        @Schema(description = "The unit at the top of the subtree") String unitCode,
        @Schema(description = "The trusted source system ids, sorted") List<String> sourceSystems) {

    static TrustedSourcesResponse from(UnitTrust trust) {
        return new TrustedSourcesResponse(trust.unitCode(), trust.sourceSystems());
    }
}

package org.jpledger.reporting.siasn.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of an acknowledgement: the SIASN ids SIASN returned for the delta's records, when the operator has them. */
@Schema(name = "SiasnAcknowledgement")
public record SiasnAcknowledgement(
        @Schema(description = "SIASN's record id of each completion sent, at most 100,000") List<SiasnId> siasnIds) {

    /** SIASN's record id (rwKursusId or rwDiklatId) of a completion of the delta. */
    public record SiasnId(
            @Schema(description = "The ledger's completion id, the delta's completionId column") String completionId,
            @Schema(description = "SIASN's id of the record, at most 64 characters") String siasnId) {
    }
}

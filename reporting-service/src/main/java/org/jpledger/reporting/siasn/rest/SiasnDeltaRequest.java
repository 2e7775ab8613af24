package org.jpledger.reporting.siasn.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a new SIASN delta: which units (the caller's when absent) and a note for the operators. */
@Schema(name = "SiasnDeltaRequest")
public record SiasnDeltaRequest(
        @Schema(description = "Units whose subtrees the delta covers, at most 100; the caller's units when absent")
        List<String> units,
        @Schema(description = "A note for the operators, at most 500 characters", examples = "Upload Desember 2026")
        String note) {
}

package org.jpledger.training.xapi.store;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of statement outcomes. */
@Schema(name = "StatementOutcomePage", description = "One page of statement outcomes, in storing order")
public record StatementOutcomePage(
        @Schema(description = "The outcomes on this page") List<StatementOutcomeResponse> items,
        @Schema(description = "Cursor of the next page; absent on the last") String next) {
}

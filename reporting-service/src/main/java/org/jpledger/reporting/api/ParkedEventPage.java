package org.jpledger.reporting.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the parked events, newest first. */
@Schema(name = "ParkedEventPage", description = "Parked events, newest first; follow nextCursor for older ones.")
public record ParkedEventPage(
        @Schema(description = "The parked events of this page, newest first") List<ParkedEventResponse> items,
        @Schema(description = "Opaque cursor of the next (older) page; null on the last page") String nextCursor) {
}

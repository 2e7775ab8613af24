package org.jpledger.training.verification.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.verification.service.QueuePage;

/** One page of the verifier's queue. */
@Schema(name = "QueuePage", description = "Completions waiting, oldest first; follow nextCursor for the next page.")
public record QueuePageResponse(
        @Schema(description = "The completions of this page") List<QueueItemResponse> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page") String nextCursor) {

    static QueuePageResponse from(QueuePage page) {
        return new QueuePageResponse(page.items().stream().map(QueueItemResponse::from).toList(), page.nextCursor());
    }
}

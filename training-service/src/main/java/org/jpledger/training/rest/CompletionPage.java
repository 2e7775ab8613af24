package org.jpledger.training.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.CompletionSnapshot;
import org.jpledger.training.service.Page;

/** One page of a completion listing. */
@Schema(name = "CompletionPage", description = "Completions in recording order; follow nextCursor for the next page.")
public record CompletionPage(
        @Schema(description = "The completions of this page") List<CompletionResponse> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page") String nextCursor) {

    public static CompletionPage from(Page<CompletionSnapshot> page) {
        return new CompletionPage(page.items().stream().map(CompletionResponse::from).toList(), page.nextCursor());
    }
}

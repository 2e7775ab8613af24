package org.jpledger.training.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.Page;
import org.jpledger.training.service.imports.ImportJobView;

/** One page of the caller's import jobs. */
@Schema(name = "ImportJobPage", description = "The caller's import jobs, newest first; follow nextCursor for more.")
public record ImportJobPage(
        @Schema(description = "The jobs of this page") List<ImportJobResponse> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page") String nextCursor) {

    public static ImportJobPage from(Page<ImportJobView> page) {
        return new ImportJobPage(page.items().stream().map(ImportJobResponse::from).toList(), page.nextCursor());
    }
}

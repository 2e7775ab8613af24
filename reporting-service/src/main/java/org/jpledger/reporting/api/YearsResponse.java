package org.jpledger.reporting.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The training years reported on, for a dashboard's year choice. */
@Schema(name = "TrainingYears", description = "The training years reported on")
public record YearsResponse(
        @Schema(description = "The current training year (Asia/Jakarta)", examples = "2026") int current,
        @Schema(description = "Every year reported on, newest first: from the current one back to "
                + "jpledger.reporting.first-year") List<Integer> years) {
}

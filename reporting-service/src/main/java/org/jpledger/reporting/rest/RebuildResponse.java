package org.jpledger.reporting.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.reporting.rebuild.ProjectionRebuild;

/** Progress of the latest projection rebuild of this instance. */
@Schema(name = "Rebuild", description = "Progress of the latest projection rebuild started on this instance")
public record RebuildResponse(
        @Schema(description = "IDLE (none started), REPLAYING, SWITCHING, DONE or FAILED") ProjectionRebuild.State state,
        @Schema(description = "When it started") Instant startedAt,
        @Schema(description = "When it switched or failed") Instant finishedAt,
        @Schema(description = "Events replayed into the new tables so far") long eventsReplayed,
        @Schema(description = "Events replayed per second, start to finish (or to now)") double eventsPerSecond,
        @Schema(description = "Why it failed; the live projections are then unchanged") String failure) {

    public static RebuildResponse of(ProjectionRebuild.Progress progress, Instant now) {
        return new RebuildResponse(progress.state(), progress.startedAt(), progress.finishedAt(),
                progress.eventsReplayed(), Math.round(progress.eventsPerSecond(now) * 10) / 10.0, progress.failure());
    }
}

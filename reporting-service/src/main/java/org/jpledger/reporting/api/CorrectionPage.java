package org.jpledger.reporting.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.reporting.projection.ComplianceStatus;

/** A page of a closed year's late corrections, newest first, each with its effect on the closed figures. */
@Schema(name = "CorrectionPage", description = "Late corrections of a closed year; follow nextCursor (as after) for more")
public record CorrectionPage(
        @Schema(description = "Training year") int year,
        @Schema(description = "The corrections of this page, newest first") List<Correction> items,
        @Schema(description = "Opaque cursor of the next page (pass it as after); absent on the last page")
        String nextCursor) {

    /** One completion event applied after the closing of its year. */
    @Schema(name = "Correction", description = "A completion recorded, amended or voided after its year was closed")
    public record Correction(
            @Schema(description = "The closing corrected") ClosingRef closing,
            @Schema(description = "Id of the completion (training-service)") UUID completionId,
            @Schema(description = "The completion's version made by the change") long version,
            @Schema(description = "RECORDED, AMENDED, VOIDED, MOVED_IN (amended to end in the year) or MOVED_OUT "
                    + "(amended to end in another year)") String change,
            @Schema(description = "Name of the training, as the event carries it") String title,
            @Schema(description = "JP the completion counted in the year before; absent when it did not count")
            BigDecimal recognizedJpBefore,
            @Schema(description = "JP it counts in the year after; absent when it no longer counts")
            BigDecimal recognizedJpAfter,
            @Schema(description = "Who made the change; absent for events written before changes named their author")
            String changedBy,
            @Schema(description = "When the change was made (the event's time)") Instant changedAt,
            @Schema(description = "The employee and their status closed and live") EmployeeEffect employee,
            @Schema(description = "The employee's unit in the closing, its figures closed and live; absent when the "
                    + "closing holds no row of the unit") UnitEffect unit) {
    }

    /** The closing a correction is of. */
    @Schema(name = "CorrectionClosing", description = "The closing a correction is of")
    public record ClosingRef(
            @Schema(description = "Root of the closed subtree; absent for a whole-organisation closing") String unitCode,
            @Schema(description = "The closing's version") int version) {
    }

    /** The employee a correction is of, and their status in the closing and now. */
    @Schema(name = "CorrectionEmployee", description = "The employee's status in the closing and now")
    public record EmployeeEffect(
            @Schema(description = "18-digit NIP") String nip,
            @Schema(description = "Full name") String name,
            @Schema(description = "Status in the closing; absent when the closing holds no row of them")
            ComplianceStatus closedStatus,
            @Schema(description = "Status now (live)") ComplianceStatus liveStatus) {
    }

    /** A unit's figures in the closing and now. */
    @Schema(name = "CorrectionUnit", description = "The unit's figures in the closing and now")
    public record UnitEffect(
            @Schema(description = "The unit's code") String code,
            @Schema(description = "The unit's name") String name,
            @Schema(description = "Its figures over its subtree in the closing") Figures closed,
            @Schema(description = "Its figures over its subtree now (live)") Figures live) {
    }

    /** The headline figures of a unit. */
    @Schema(name = "CorrectionFigures", description = "Headcount, compliant and total JP of a unit's subtree")
    public record Figures(
            @Schema(description = "Employees counted") long headcount,
            @Schema(description = "Of them, at or above their target") long compliant,
            @Schema(description = "Their recognized JP") BigDecimal totalJp) {

        public static Figures of(ComplianceFigures figures) {
            return figures == null ? null
                    : new Figures(figures.headcount(), figures.compliant(), figures.totalJp());
        }
    }
}

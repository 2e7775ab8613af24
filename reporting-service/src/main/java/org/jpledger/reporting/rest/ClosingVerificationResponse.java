package org.jpledger.reporting.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.reporting.verify.Difference;
import org.jpledger.reporting.verify.LostEvents;
import org.jpledger.reporting.verify.SnapshotComparison;
import org.jpledger.reporting.verify.SnapshotRow;
import org.jpledger.reporting.verify.Verification;

/** A verification of a closing: its progress, and once it ended, whether the snapshot was reproduced. */
@Schema(name = "ClosingVerification", description = "The latest verification of a year's closing started on this "
        + "instance: the topics replayed up to the closing's offsets, the snapshot rated again and compared")
public record ClosingVerificationResponse(
        @Schema(description = "RUNNING, EQUAL (reproduced exactly), DIFFERENT (see differences), CANNOT_VERIFY (the "
                + "topics no longer hold events the closing saw: see lostEvents) or FAILED (see failure)")
        Verification.State state,
        @Schema(description = "The closing verified") ClosingRef closing,
        @Schema(description = "When it started") Instant startedAt,
        @Schema(description = "When it ended; null while running") Instant finishedAt,
        @Schema(description = "Events replayed into the copies so far") long eventsReplayed,
        @Schema(description = "Events replayed per second, start to finish (or to now)") double eventsPerSecond,
        @Schema(description = "Employee rows compared (each NIP once, on either side); null until compared")
        Long employeeRows,
        @Schema(description = "Unit rows compared, the scope's total included; null until compared") Long unitRows,
        @Schema(description = "How many differences there are in all; null until compared") Long differenceCount,
        @Schema(description = "The first 100 differences, in snapshot order") List<DifferenceResponse> differences,
        @Schema(description = "With CANNOT_VERIFY: the events the closing saw that the topics no longer hold")
        List<LostEventsResponse> lostEvents,
        @Schema(description = "Why it failed") String failure) {

    /** Which closing. */
    @Schema(name = "VerifiedClosing", description = "The closing a verification is about")
    public record ClosingRef(
            @Schema(description = "Training year") int year,
            @Schema(description = "Root of the closed subtree; null for the whole organisation") String unitCode,
            @Schema(description = "Version of the closing of that year and scope") int version) {
    }

    /** One difference between the closed and the recomputed snapshot. */
    @Schema(name = "SnapshotDifference", description = "A value, row or field of the snapshot that the replay did "
            + "not reproduce")
    public record DifferenceResponse(
            @Schema(description = "EMPLOYEE (closing_employee) or UNIT (closing_unit)") SnapshotRow.Kind kind,
            @Schema(description = "The NIP, or the unit code (empty: the scope's total)") String key,
            @Schema(description = "JSON path into the row's answer; $ for the whole row", example = "$.totalJp")
            String field,
            @Schema(description = "The value in the closed snapshot; null when missing there") Object closed,
            @Schema(description = "The value recomputed from the ledger; null when missing there") Object recomputed,
            @Schema(description = "CHANGED, MISSING (closed but not recomputed) or EXTRA (recomputed but not closed)")
            Difference.Change change) {

        static DifferenceResponse of(Difference difference) {
            return new DifferenceResponse(difference.kind(), difference.key(), difference.field(), difference.closed(),
                    difference.recomputed(), difference.change());
        }
    }

    /** Events the closing saw that a partition no longer holds. */
    @Schema(name = "LostEvents", description = "Offsets of a partition that the closing read and the topic no longer "
            + "holds (deleted by retention, or the topic recreated)")
    public record LostEventsResponse(
            @Schema(description = "Topic") String topic,
            @Schema(description = "Partition") int partition,
            @Schema(description = "First offset lost") long fromOffset,
            @Schema(description = "Offset after the last one lost") long untilOffset,
            @Schema(description = "The partition's first offset now held") long logStartOffset,
            @Schema(description = "The partition's end offset now") long logEndOffset) {

        static LostEventsResponse of(LostEvents lost) {
            return new LostEventsResponse(lost.topic(), lost.partition(), lost.from(), lost.until(), lost.logStart(),
                    lost.logEnd());
        }
    }

    public static ClosingVerificationResponse of(Verification verification, Instant now) {
        SnapshotComparison.Result compared = verification.comparison();
        return new ClosingVerificationResponse(verification.state(),
                new ClosingRef(verification.closing().year(), verification.closing().unitCode(),
                        verification.closing().version()),
                verification.startedAt(), verification.finishedAt(), verification.eventsReplayed(),
                Math.round(verification.eventsPerSecond(now) * 10) / 10.0,
                compared == null ? null : compared.employeeRows(), compared == null ? null : compared.unitRows(),
                compared == null ? null : compared.differenceCount(),
                compared == null ? List.of() : compared.differences().stream().map(DifferenceResponse::of).toList(),
                verification.lost().stream().map(LostEventsResponse::of).toList(), verification.failure());
    }
}

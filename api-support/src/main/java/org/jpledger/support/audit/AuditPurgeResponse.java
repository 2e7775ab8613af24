package org.jpledger.support.audit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a purge of the audit log removed: the monthly partitions that ended before the retention period. */
@Schema(name = "AuditPurge", description = "The months of audit entries dropped, past the configured retention")
public record AuditPurgeResponse(
        @Schema(description = "Entries of months before this one (yyyy-MM, UTC) were dropped; absent when the "
                + "retention is 0, which keeps everything", examples = "2021-12") String keptFrom,
        @Schema(description = "Retention in whole months (jpledger.audit.retention-months)", examples = "60")
        int retentionMonths,
        @Schema(description = "The partitions dropped, one per month", examples = "[\"audit_entry_y2021m11\"]")
        List<String> dropped) {

    static AuditPurgeResponse from(AuditPartitions.Purge purge, int retentionMonths) {
        return new AuditPurgeResponse(purge.cutoff() == null ? null : purge.cutoff().toString(), retentionMonths,
                purge.dropped());
    }
}

package org.jpledger.support.audit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the audit log, newest first. */
@Schema(name = "AuditPage", description = "Audit entries, newest first; follow nextCursor for older ones")
public record AuditPage(
        @Schema(description = "The entries of this page, newest first") List<AuditEntry> entries,
        @Schema(description = "Opaque cursor of the next (older) page; null on the last page") String nextCursor) {
}

package org.jpledger.support.audit;

import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of the audit log: who (subject, client, roles, unit scope) did what (action) to what (unit, NIP, record
 * id), when, and how it ended (outcome and HTTP status), with the action's own details (filters, counts).
 */
@Schema(name = "AuditEntry", description = "One audited call: who did what to what, when, and how it ended")
public record AuditEntry(
        @Schema(description = "Position in the log; a later entry has a higher id", examples = "1042") long id,
        @Schema(description = "When the call was answered") OffsetDateTime at,
        @Schema(description = "The token's subject, or 'anonymous' when the call had no valid token",
                examples = "sikep-jabar") String subject,
        @Schema(description = "The client application the token was issued to, when the token says",
                examples = "simpeg-provinsi") String client,
        @Schema(description = "The caller's roles, comma-separated", examples = "training-writer") String roles,
        @Schema(description = "The unit codes the token named ('*' for all, '(none)' without the claim)",
                examples = "32") String scope,
        @Schema(description = "What was attempted", examples = "completion.record") String action,
        @Schema(description = "Unit code acted on, if any", examples = "32.01") String targetUnit,
        @Schema(description = "NIP of the employee acted on, if any", examples = "198503122010012003") String targetNip,
        @Schema(description = "Id of the record acted on (a completion id, a year, a rule version), if any")
        String targetId,
        @Schema(description = "done, rejected (invalid request), refused (no valid token, role or unit scope) or failed",
                examples = "done") String outcome,
        @Schema(description = "The HTTP status the call was answered with", examples = "201") int status,
        @Schema(description = "The action's own details: counts of an import, filters and rows of an export, path values")
        Map<String, Object> details) {

    /** How an audited request ended, from its HTTP status. */
    public static String outcomeOf(int status) {
        if (status == 401 || status == 403) {
            return "refused";
        }
        if (status >= 500) {
            return "failed";
        }
        return status >= 400 ? "rejected" : "done";
    }
}

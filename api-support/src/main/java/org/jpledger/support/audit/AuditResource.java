package org.jpledger.support.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.support.problem.FieldErrors;

/** The audit log for administrators: who did what, filtered by time, subject and target. */
@Path("/api/v1/admin/audit")
@Tag(name = "Audit", description = "Who recorded, changed, exported or was refused what, and when")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final String LIMIT_RULE = "must be from 1 to " + MAX_LIMIT;

    private final AuditLog log;

    public AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @RolesAllowed(Access.ADMIN)
    @Audited("audit.read")
    @Operation(summary = "Search the audit log",
            description = "Every record, amendment, void, import, roster change, policy change, export, republish and "
                    + "rebuild, including the refused attempts, newest first. Filter by a time range (from inclusive, to "
                    + "exclusive), by subject, and by target (a unit code, NIP or record id). Keyset-paginated: pass "
                    + "nextCursor as cursor for the next, older page. Admins only.")
    @APIResponse(responseCode = "200", description = "A page of audit entries",
            content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "A time that is not ISO-8601 with an offset, from after to, a "
            + "limit outside 1 to " + MAX_LIMIT + " or a cursor not from an earlier page; each is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditPage search(
            @Parameter(description = "Earliest time, inclusive (ISO-8601 with offset)", example = "2026-11-01T00:00:00+07:00")
            @QueryParam("from") String from,
            @Parameter(description = "Latest time, exclusive (ISO-8601 with offset)", example = "2026-12-01T00:00:00+07:00")
            @QueryParam("to") String to,
            @Parameter(description = "Only entries of this token subject") @QueryParam("subject") String subject,
            @Parameter(description = "Only entries acting on this unit code, NIP or record id") @QueryParam("target")
            String target,
            @Parameter(description = "Page size, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")")
            @QueryParam("limit") @Min(value = 1, message = LIMIT_RULE) @Max(value = MAX_LIMIT, message = LIMIT_RULE)
            Integer limit,
            @Parameter(description = "nextCursor of the previous page; absent for the newest page")
            @QueryParam("cursor") String cursor) {
        FieldErrors errors = new FieldErrors();
        OffsetDateTime start = time("from", from, errors);
        OffsetDateTime end = time("to", to, errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add("from", "must not be after to");
        }
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                errors.add("cursor", "is not a cursor from an earlier page");
            }
        }
        errors.throwIfAny();
        int size = limit == null ? DEFAULT_LIMIT : limit;
        List<AuditEntry> entries = log.search(start, end, blankToNull(subject), blankToNull(target), before, size);
        String next = entries.size() == size ? Long.toString(entries.get(entries.size() - 1).id()) : null;
        return new AuditPage(entries, next);
    }

    private static OffsetDateTime time(String field, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // An unencoded '+' of the offset arrives as a space.
            return OffsetDateTime.parse(value.trim().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            errors.add(field, "must be an ISO-8601 time with offset, e.g. 2026-11-01T00:00:00+07:00");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

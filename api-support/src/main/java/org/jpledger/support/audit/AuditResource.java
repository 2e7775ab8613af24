package org.jpledger.support.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.jpledger.support.paging.Cursor;
import org.jpledger.support.paging.PageParameters;
import org.jpledger.support.paging.PageSize;
import org.jpledger.support.problem.FieldErrors;

/** The audit log for administrators: who did what, filtered by time, subject and target. */
@Path("/api/v1/admin/audit")
@Tag(name = "Audit", description = "Who recorded, changed, exported or was refused what, and when")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final String CURSOR_KIND = "audit";
    /** Times are searched within four-digit years, well inside what PostgreSQL can compare. */
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    private final AuditLog log;
    private final AuditPartitions partitions;
    private final AuditConfig config;
    private final AuditTrail trail;

    public AuditResource(AuditLog log, AuditPartitions partitions, AuditConfig config, AuditTrail trail) {
        this.log = log;
        this.partitions = partitions;
        this.config = config;
        this.trail = trail;
    }

    @POST
    @Path("/purge")
    @RolesAllowed(Access.ADMIN)
    @Audited("audit.purge")
    @Operation(summary = "Drop the audit entries past the retention period",
            description = "The audit log is append-only and kept by month (UTC); this drops the whole months that "
                    + "ended more than jpledger.audit.retention-months before the current month, and nothing else. "
                    + "A retention of 0 keeps everything. The purge is itself an audit entry, with the months "
                    + "dropped. Admins only.")
    @APIResponse(responseCode = "200", description = "The months dropped (none when nothing was old enough)",
            content = @Content(schema = @Schema(implementation = AuditPurgeResponse.class)))
    public AuditPurgeResponse purge() {
        AuditPurgeResponse purged = AuditPurgeResponse.from(partitions.purge(), config.retentionMonths());
        trail.detail("retentionMonths", purged.retentionMonths()).detail("dropped", purged.dropped());
        return purged;
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
    @APIResponse(responseCode = "400", description = "A time that is not ISO-8601 with an offset and a four-digit "
            + "year, from after to, a limit that is no whole number from 1 to 1000, a subject or target with a NUL "
            + "character, or a cursor not from an earlier page; each is named")
    public AuditPage search(
            @Parameter(description = "Earliest time, inclusive (ISO-8601 with offset)", example = "2026-11-01T00:00:00+07:00")
            @QueryParam("from") String from,
            @Parameter(description = "Latest time, exclusive (ISO-8601 with offset)", example = "2026-12-01T00:00:00+07:00")
            @QueryParam("to") String to,
            @Parameter(description = "Only entries of this token subject") @QueryParam("subject") String subject,
            @Parameter(description = "Only entries acting on this unit code, NIP or record id") @QueryParam("target")
            String target,
            @BeanParam PageParameters page) {
        FieldErrors errors = new FieldErrors();
        OffsetDateTime start = time("from", from, errors);
        OffsetDateTime end = time("to", to, errors);
        String subjectFilter = text("subject", subject, errors);
        String targetFilter = text("target", target, errors);
        int size = page.limit(PageSize.AUDIT_LOG, errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add("from", "must not be after to");
        }
        Long before = page.position(CURSOR_KIND, errors);
        errors.throwIfAny();
        List<AuditEntry> entries = log.search(start, end, subjectFilter, targetFilter, before, size);
        String next = entries.size() == size ? Cursor.after(CURSOR_KIND, entries.get(entries.size() - 1).id()) : null;
        return new AuditPage(entries, next);
    }

    private static OffsetDateTime time(String field, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // An unencoded '+' of the offset arrives as a space.
            OffsetDateTime time = OffsetDateTime.parse(value.trim().replace(' ', '+'));
            // ISO-8601 allows years of up to nine digits and signed ones; the database's calendar ends long before.
            if (time.getYear() >= MIN_YEAR && time.getYear() <= MAX_YEAR) {
                return time;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        errors.add(field, "must be an ISO-8601 time with offset and a year from " + MIN_YEAR + " to " + MAX_YEAR
                + ", e.g. 2026-11-01T00:00:00+07:00");
        return null;
    }

    /** A text filter; absent when blank. A NUL character is refused: the database cannot compare text holding one. */
    private static String text(String field, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            errors.add(field, "must not contain NUL characters");
            return null;
        }
        return value.trim();
    }

}

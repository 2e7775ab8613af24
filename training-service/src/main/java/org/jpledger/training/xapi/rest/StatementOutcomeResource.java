package org.jpledger.training.xapi.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.paging.PageParameters;
import org.jpledger.support.paging.PageSize;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.training.xapi.store.StatementService;
import org.jpledger.training.xapi.store.StatementOutcomePage;
import org.jpledger.training.xapi.store.XapiStatement;

/** Admins' view of the xAPI store: what each statement meant for the completions, and why one did not count. */
@Path("/api/v1/xapi-statements")
@Tag(name = "xAPI")
@Produces(MediaType.APPLICATION_JSON)
public class StatementOutcomeResource {

    private final StatementService statements;

    public StatementOutcomeResource(StatementService statements) {
        this.statements = statements;
    }

    @GET
    @RolesAllowed(Access.ADMIN)
    @Operation(summary = "What stored xAPI statements meant for the completions",
            description = "Stored statements in storing order with their outcome: the completion a statement recorded, "
                    + "or the reason a statement with a completion verb did not become one (outcome=UNMAPPED lists just "
                    + "those). Admins only.")
    @APIResponse(responseCode = "200", description = "One page of outcomes",
            content = @Content(schema = @Schema(implementation = StatementOutcomePage.class)))
    @APIResponse(responseCode = "400", description = "An invalid parameter")
    public StatementOutcomePage list(
            @Parameter(description = "Only this outcome: RECORDED, UNMAPPED, NOT_COMPLETION or VOIDING")
            @QueryParam("outcome") String outcome,
            @Parameter(description = "Only statements sent by this integrating system: a Basic credential's name, or "
                    + "bearer:<subject> for a token's") @QueryParam("system") String system,
            @BeanParam PageParameters page) {
        Long after = page.position(StatementService.CURSOR);
        return statements.outcomes(outcome(outcome), system == null || system.isBlank() ? null : system,
                after == null ? 0 : after, page.limit(PageSize.LISTING));
    }

    /** A statement outcome filter; absent when blank. */
    private static XapiStatement.Outcome outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return XapiStatement.Outcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("outcome", "must be RECORDED, UNMAPPED, NOT_COMPLETION or VOIDING");
        }
    }
}

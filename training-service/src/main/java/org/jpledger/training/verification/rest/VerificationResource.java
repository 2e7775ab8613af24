package org.jpledger.training.verification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;
import org.jpledger.training.rest.CompletionResponse;
import org.jpledger.training.rest.Responses;
import org.jpledger.training.verification.service.VerificationDecision;
import org.jpledger.training.verification.service.VerificationOutcome;
import org.jpledger.training.verification.service.VerificationService;

/** HTTP face of a verifier's decision on a completion. */
@Path("/api/v1/completions/{id}/verification")
@Tag(name = "Verification", description = "Checking reported training before it counts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VerificationResource {

    private final VerificationService verification;
    private final AuditTrail trail;

    public VerificationResource(VerificationService verification, AuditTrail trail) {
        this.verification = verification;
        this.trail = trail;
    }

    @POST
    @RolesAllowed(Access.TRAINING_VERIFIER)
    @Audited("completion.verify")
    @Operation(summary = "Verify or reject a completion",
            description = "A training-verifier's decision on a completion of an employee in its units, if If-Match "
                    + "names the current version: VERIFIED, or REJECTED with a reasonCode (OTHER needs a note). "
                    + "Allowed: SUBMITTED or AUTO_VERIFIED to VERIFIED or REJECTED, VERIFIED to REJECTED, REJECTED to "
                    + "VERIFIED (or to REJECTED with another reason or note). Each decision is a new version (history "
                    + "change REVIEWED, event completion.reviewed.v1); deciding what the completion already is changes "
                    + "nothing and answers 200, even with the If-Match of the version before, so a retry is safe. "
                    + "Nobody decides on a completion their token's subject recorded, or on their own training (the "
                    + "subject is the employee's NIP). Before VERIFIED, the evidence rules of the completion's kind "
                    + "are checked.")
    @APIResponse(responseCode = "200", description = "Decided (or already so)", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CompletionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid decision, reason or note, or the completion lacks what "
            + "VERIFIED needs (e.g. the certificate its kind requires); nothing changed")
    @APIResponse(responseCode = "403", description = "The caller recorded this completion, or it is the caller's own "
            + "training")
    @APIResponse(responseCode = "404", description = "No such completion, or its employee is outside the units the "
            + "token names")
    @APIResponse(responseCode = "409", description = "The completion is voided")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response decide(@Parameter(description = "Id of the completion, as given when it was recorded")
            @PathParam("id") UUID id,
            @Parameter(description = "The version read, e.g. \"2\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull VerificationRequest body) {
        VerificationDecision decision = body.toCommand();
        VerificationOutcome outcome = verification.decide(id, Responses.expectedVersion(ifMatch), decision);
        trail.nip(outcome.completion().nip()).id(id.toString()).detail("decision", decision.decision())
                .detail("reasonCode", decision.reason()).detail("before", outcome.before())
                .detail("changed", outcome.changed());
        return Responses.versioned(CompletionResponse.from(outcome.completion()));
    }
}

package org.jpledger.training.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.audit.Audited;
import org.jpledger.training.service.RecognitionRuleService;

/** HTTP face of the recognition rule table (admin). */
@Path("/api/v1/admin/recognition-rules")
@Tag(name = "Admin", description = "Administration of the record")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecognitionRuleResource {

    private final RecognitionRuleService rules;

    public RecognitionRuleResource(RecognitionRuleService rules) {
        this.rules = rules;
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.POLICY_ADMIN, Access.ADMIN})
    @Operation(summary = "The current recognition rule table",
            description = "The rules new completions are recognised by: the international factor for claimed JP and the "
                    + "JP per day of kinds counted by days (defaults from Perlan 10/2018).")
    @APIResponse(responseCode = "200", description = "The current version",
            content = @Content(schema = @Schema(implementation = RecognitionRulesResponse.class)))
    public RecognitionRulesResponse current() {
        return RecognitionRulesResponse.from(rules.current());
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.POLICY_ADMIN, Access.ADMIN})
    @Path("/{version}")
    @Operation(summary = "One version of the recognition rule table",
            description = "Every completion names the version that recognised it (ruleVersion).")
    @APIResponse(responseCode = "200", description = "That version",
            content = @Content(schema = @Schema(implementation = RecognitionRulesResponse.class)))
    @APIResponse(responseCode = "404", description = "No such version")
    public RecognitionRulesResponse version(@Parameter(description = "Version of the rule table, from 1")
            @PathParam("version") int version) {
        return RecognitionRulesResponse.from(rules.version(version));
    }

    @PUT
    @RolesAllowed(Access.POLICY_ADMIN)
    @Audited("recognition-rules.replace")
    @Operation(summary = "Replace the recognition rule table",
            description = "Stores the table as the next version. It applies to completions recorded or amended from now "
                    + "on; completions already recorded keep the JP and rule version they were recognised with.")
    @APIResponse(responseCode = "201", description = "The new version",
            content = @Content(schema = @Schema(implementation = RecognitionRulesResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid table; nothing changed")
    public Response replace(@Valid @NotNull RecognitionRulesRequest body) {
        return Response.status(Response.Status.CREATED).entity(RecognitionRulesResponse.from(rules.replace(body.toCommand()))).build();
    }
}

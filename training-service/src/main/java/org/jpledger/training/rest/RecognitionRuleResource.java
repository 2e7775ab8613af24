package org.jpledger.training.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.paging.PageParameters;
import org.jpledger.support.paging.PageSize;
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
    @Operation(summary = "The recognition rule table in force on a date",
            description = "The rules completions ending on that date (today when no date is given) are recognised by: "
                    + "the international factor for claimed JP and the JP per day of kinds counted by days (defaults "
                    + "from Perlan 10/2018), with the version's validity.")
    @APIResponse(responseCode = "200", description = "The version in force on that date",
            content = @Content(schema = @Schema(implementation = RecognitionRulesResponse.class)))
    @APIResponse(responseCode = "400", description = "`on` is not a date like 2026-01-31")
    @APIResponse(responseCode = "404", description = "No version is in force on that date (after a validUntil)")
    public RecognitionRulesResponse current(@Parameter(description = "A training end date (yyyy-MM-dd); today in WIB "
            + "when absent") @QueryParam("on") String on) {
        return RecognitionRulesResponse.from(rules.inForceOn(ListParameters.date("on", on)));
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.POLICY_ADMIN, Access.ADMIN})
    @Path("/versions")
    @Operation(summary = "The versions of the recognition rule table",
            description = "Every stored version with the training end dates it is in force (validFrom to validUntil, "
                    + "inclusive), newest first; the periods follow one another without gaps or overlaps.")
    @APIResponse(responseCode = "200", description = "The newest versions, at most `limit`",
            content = @Content(schema = @Schema(implementation = RecognitionRulesResponse.class,
                    type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "`limit` is not a whole number from 1 to 500")
    public List<RecognitionRulesResponse> versions(@Parameter(description = "How many versions: a whole number from 1 "
            + "to 500, 50 when absent") @QueryParam("limit") String limit) {
        return rules.versions(new PageParameters(limit, null).limit(PageSize.LISTING)).stream()
                .map(RecognitionRulesResponse::from).toList();
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
            description = "Stores the table as the next version, in force for completions ending from validFrom (to "
                    + "validUntil, if given); the latest version's validity ends the day before. validFrom must be "
                    + "after the latest version's. Completions already recorded keep the JP and rule version they were "
                    + "recognised with until an amendment changes what recognition reads.")
    @APIResponse(responseCode = "201", description = "The new version",
            content = @Content(schema = @Schema(implementation = RecognitionRulesResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid table, or validFrom not after the latest version's, or "
            + "validUntil before validFrom; nothing changed")
    public Response replace(@Valid @NotNull RecognitionRulesRequest body) {
        return Response.status(Response.Status.CREATED).entity(RecognitionRulesResponse.from(rules.replace(body.toCommand()))).build();
    }
}

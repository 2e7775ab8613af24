package org.jpledger.training.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;
import org.jpledger.training.service.ExemptionService;
import org.jpledger.training.service.ExemptionView;

/** HTTP face of employees' exemption periods: record, list, read and delete. */
@Path("/api/v1/employees/{nip}/exemptions")
@Tag(name = "Employees", description = "Civil servants (PNS and PPPK) by NIP")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExemptionResource {

    private static final String NOT_FOUND = "No such employee, or the employee is outside the units the token names";

    private final ExemptionService exemptions;
    private final AuditTrail trail;

    public ExemptionResource(ExemptionService exemptions, AuditTrail trail) {
        this.exemptions = exemptions;
        this.trail = trail;
    }

    @POST
    @RolesAllowed(Access.ROSTER_ADMIN)
    @Audited("employee.exemption.record")
    @Operation(summary = "Record an exemption period",
            description = "Records a period, both days included, in which the employee is not judged (tugas belajar, "
                    + "CLTN, long leave, pemberhentian sementara, diperbantukan or dipekerjakan elsewhere), granted by "
                    + "the decision (SK) named in reference; until absent leaves it open-ended. from must lie in the "
                    + "employee's service (not before employedFrom, not after employedUntil). It is a new version of "
                    + "the employee, which publishes its full state with every exemption in force. At most "
                    + ExemptionService.MAX_PER_EMPLOYEE + " exemptions per employee, deleted ones included.")
    @APIResponse(responseCode = "201", description = "Exemption recorded; Location names it",
            headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = ExemptionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid NIP or body, until before from, or from outside the "
            + "employee's service; nothing changed")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The period overlaps an exemption in force (the problem names its "
            + "id and dates), or the employee already has " + ExemptionService.MAX_PER_EMPLOYEE + " exemptions; "
            + "nothing changed")
    public Response record(@Parameter(description = "The employee's 18-digit NIP")
            @PathParam("nip") @Pattern(regexp = "[0-9]{18}", message = "must be exactly 18 digits") String nip,
            @Valid @NotNull ExemptionRequest body, @Context UriInfo uri) {
        trail.nip(nip).detail("kind", body.kind()).detail("reference", body.reference());
        ExemptionView recorded = exemptions.record(nip, body.toCommand());
        trail.id(recorded.id().toString());
        return Response.created(uri.getAbsolutePathBuilder().path(recorded.id().toString()).build())
                .entity(ExemptionResponse.from(recorded)).build();
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.ROSTER_ADMIN})
    @Operation(summary = "List an employee's exemption periods",
            description = "The exemptions in force, oldest first; with includeDeleted=true also the deleted ones, with "
                    + "deletedAt and deletedBy. At most " + ExemptionService.MAX_PER_EMPLOYEE + " entries.")
    @APIResponse(responseCode = "200", description = "The exemptions",
            content = @Content(schema = @Schema(implementation = ExemptionResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "The NIP is not 18 digits, or includeDeleted is not true or false")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public List<ExemptionResponse> list(@Parameter(description = "The employee's 18-digit NIP")
            @PathParam("nip") @Pattern(regexp = "[0-9]{18}", message = "must be exactly 18 digits") String nip,
            @Parameter(description = "true to list deleted exemptions too (default false)")
            @QueryParam("includeDeleted") String includeDeleted) {
        return exemptions.list(nip, ListParameters.flag("includeDeleted", includeDeleted)).stream()
                .map(ExemptionResponse::from).toList();
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.ROSTER_ADMIN})
    @Path("/{id}")
    @Operation(summary = "Get an exemption period", description = "One exemption of the employee, deleted or not.")
    @APIResponse(responseCode = "200", description = "The exemption",
            content = @Content(schema = @Schema(implementation = ExemptionResponse.class)))
    @APIResponse(responseCode = "400", description = "The NIP is not 18 digits")
    @APIResponse(responseCode = "404", description = "No such exemption of this employee; " + NOT_FOUND)
    public ExemptionResponse get(@Parameter(description = "The employee's 18-digit NIP")
            @PathParam("nip") @Pattern(regexp = "[0-9]{18}", message = "must be exactly 18 digits") String nip,
            @Parameter(description = "Id of the exemption, as given when it was recorded") @PathParam("id") UUID id) {
        return ExemptionResponse.from(exemptions.get(nip, id));
    }

    @DELETE
    @RolesAllowed(Access.ROSTER_ADMIN)
    @Audited("employee.exemption.delete")
    @Path("/{id}")
    @Operation(summary = "Delete an exemption period",
            description = "Ends an exemption recorded by mistake or revoked: it no longer counts and leaves the list, "
                    + "but is kept as history (listed with includeDeleted=true). It is a new version of the employee, "
                    + "which publishes its full state with the exemptions still in force.")
    @APIResponse(responseCode = "204", description = "Exemption deleted")
    @APIResponse(responseCode = "400", description = "The NIP is not 18 digits")
    @APIResponse(responseCode = "404", description = "No exemption in force with this id for this employee; "
            + NOT_FOUND)
    public void delete(@Parameter(description = "The employee's 18-digit NIP")
            @PathParam("nip") @Pattern(regexp = "[0-9]{18}", message = "must be exactly 18 digits") String nip,
            @Parameter(description = "Id of the exemption, as given when it was recorded") @PathParam("id") UUID id) {
        trail.nip(nip).id(id.toString());
        exemptions.delete(nip, id);
    }
}

package org.jpledger.training.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;
import org.jpledger.training.service.EmployeeHistoryService;
import org.jpledger.training.service.EmployeeService;

/** HTTP face of the employee register. */
@Path("/api/v1/employees")
@Tag(name = "Employees", description = "Civil servants (PNS, PPPK and part-time PPPK) by NIP")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmployeeResource {

    private final EmployeeService employees;
    private final EmployeeHistoryService histories;
    private final AuditTrail trail;

    public EmployeeResource(EmployeeService employees, EmployeeHistoryService histories, AuditTrail trail) {
        this.employees = employees;
        this.histories = histories;
        this.trail = trail;
    }

    @PUT
    @RolesAllowed(Access.ROSTER_ADMIN)
    @Audited("employee.upsert")
    @Path("/{nip}")
    @Operation(summary = "Create or update an employee",
            description = "Sets the employee's state. The NIP must be 18 digits with a real birth date (digits 1-8) and "
                    + "gender digit (digit 15, 1 or 2); for a PNS also a real appointment month (digits 9-14) after "
                    + "the birth date. The unit must exist. A change of unit, employment type or position level is "
                    + "kept in the employee's histories from effectiveDate. employedUntil without leavingReason is "
                    + "stored with the reason LAINNYA. A change creates a new version and publishes the full new "
                    + "state; repeating the same state changes nothing. The unit named, and for an existing employee "
                    + "the unit the employee is in, must be in the units the token names.")
    @APIResponse(responseCode = "201", description = "Employee registered",
            content = @Content(schema = @Schema(implementation = EmployeeResponse.class)))
    @APIResponse(responseCode = "200", description = "Employee updated, or already in this state",
            content = @Content(schema = @Schema(implementation = EmployeeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid NIP or body; nothing changed")
    public Response upsert(@Parameter(description = "The employee's 18-digit NIP")
            @PathParam("nip") @Pattern(regexp = "[0-9]{18}", message = "must be exactly 18 digits") String nip,
            @Valid @NotNull EmployeeRequest body) {
        trail.nip(nip).unit(body.unitCode());
        return Responses.upserted(employees.upsert(nip, body.toCommand()).map(EmployeeResponse::from));
    }

    @PUT
    @RolesAllowed(Access.ADMIN)
    @Audited("employee.history.correct")
    @Path("/{nip}/history")
    @Operation(summary = "Correct an employee's unit and position histories",
            description = "Replaces both histories wholesale: the way to move a past effective date, or to enter a "
                    + "late decision (SK) whose date is earlier than a change already recorded, which the ordinary "
                    + "update refuses. Each history has 1-200 entries, no two on one date, the earliest on "
                    + "employedFrom, none in the future or after employedUntil; the units must exist. The latest "
                    + "entries become the current unit, employment type and position level; a change is a new version "
                    + "and publishes the full new state, and the reason is kept in the audit log. The same histories "
                    + "again change nothing. An admin whose token names units is held to them: the employee and every "
                    + "unit named must be in them.")
    @APIResponse(responseCode = "200", description = "Histories replaced, or already these",
            content = @Content(schema = @Schema(implementation = EmployeeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid NIP or body; nothing changed")
    @APIResponse(responseCode = "404", description = "No such employee, or the employee is outside the units the token "
            + "names")
    public EmployeeResponse correctHistory(@Parameter(description = "The employee's 18-digit NIP")
            @PathParam("nip") @Pattern(regexp = "[0-9]{18}", message = "must be exactly 18 digits") String nip,
            @Valid @NotNull HistoryCorrectionRequest body) {
        trail.nip(nip).detail("reason", body.reason());
        EmployeeResponse corrected = EmployeeResponse.from(histories.correct(nip, body.toCommand()));
        trail.unit(corrected.unitCode());
        return corrected;
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.ROSTER_ADMIN})
    @Path("/{nip}")
    @Operation(summary = "Get an employee", description = "The employee's current state and version, with its unit and "
            + "position histories.")
    @APIResponse(responseCode = "200", description = "The employee",
            content = @Content(schema = @Schema(implementation = EmployeeResponse.class)))
    @APIResponse(responseCode = "400", description = "The NIP is not 18 digits")
    @APIResponse(responseCode = "404", description = "No such employee, or the employee is outside the units the token "
            + "names")
    public EmployeeResponse get(@Parameter(description = "The employee's 18-digit NIP")
            @PathParam("nip") @Pattern(regexp = "[0-9]{18}", message = "must be exactly 18 digits") String nip) {
        return EmployeeResponse.from(employees.get(nip));
    }
}

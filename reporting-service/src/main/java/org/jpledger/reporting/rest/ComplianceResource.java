package org.jpledger.reporting.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.reporting.service.ComplianceQueryService;

/** HTTP face of the compliance projections. */
@Path("/api/v1/compliance/employees")
@Tag(name = "Compliance", description = "Recognized lesson hours (JP) per employee and training year")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceResource {

    private final ComplianceQueryService compliance;

    public ComplianceResource(ComplianceQueryService compliance) {
        this.compliance = compliance;
    }

    @GET
    @Path("/{nip}")
    @Operation(summary = "Get an employee's JP total for a year",
            description = "The lesson hours (JP) recognized for the employee in the training year, how many completions "
                    + "they come from and when the latest ended. Each completion counts as its latest amendment, in the "
                    + "year that amendment puts it in; voided completions do not count. An employee without counted "
                    + "completions that year has a total of 0. Figures follow the ledger's events, so a completion "
                    + "just recorded, amended or voided may take a moment to show.")
    @APIResponse(responseCode = "200", description = "The employee's total for the year",
            content = @Content(schema = @Schema(implementation = EmployeeComplianceResponse.class)))
    @APIResponse(responseCode = "400", description = "The NIP is not 18 digits, or the year is not a number from 2000 to 2100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No employee with this NIP is known to reporting",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EmployeeComplianceResponse employeeYear(
            @Parameter(description = "The employee's 18-digit NIP", example = "198503122010012003")
            @PathParam("nip") @Pattern(regexp = "[0-9]{18}", message = "must be exactly 18 digits") String nip,
            @Parameter(description = "Training year; the current year in Asia/Jakarta when absent", example = "2026")
            @QueryParam("year") @Min(value = 2000, message = "must be a year from 2000 to 2100")
            @Max(value = 2100, message = "must be a year from 2000 to 2100") Integer year) {
        return compliance.employeeYear(nip, year);
    }
}

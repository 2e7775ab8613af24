package org.jpledger.reporting.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sends {@code /dashboard} to the dashboard's page, {@code /dashboard/} (static files served from there). */
@Path("/dashboard")
@Tag(name = "Dashboard", description = "The compliance dashboard for browsers")
public class DashboardResource {

    @GET
    @Operation(summary = "Open the compliance dashboard",
            description = "Redirects to /dashboard/, the dashboard's page: static HTML, CSS and JavaScript that sign in "
                    + "with a bearer token and read this API with it.")
    @APIResponse(responseCode = "303", description = "Go to /dashboard/")
    public Response open() {
        return Response.seeOther(URI.create("/dashboard/")).build();
    }
}

package org.jpledger.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.reporting.config.DashboardConfig;

/** The dashboard's two server-side answers: its address without the slash, and how it signs users in. */
@Path("/")
@Tag(name = "Dashboard", description = "The compliance dashboard for browsers, served at /dashboard/")
public class DashboardResource {

    private final DashboardConfig config;

    public DashboardResource(DashboardConfig config) {
        this.config = config;
    }

    @GET
    @Path("/dashboard")
    @PermitAll
    @Operation(summary = "Open the compliance dashboard",
            description = "Redirects to /dashboard/, the dashboard's page: static HTML, CSS and JavaScript that sign in "
                    + "with a bearer token and read this API with it.")
    @APIResponse(responseCode = "303", description = "Go to /dashboard/")
    public Response open() {
        return Response.seeOther(URI.create("/dashboard/")).build();
    }

    @GET
    @Path("/api/v1/dashboard/sign-in")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tell the dashboard how to sign users in",
            description = "The identity provider's OpenID Connect endpoints and the dashboard's client id, when "
                    + "configured (jpledger.dashboard.sign-in.*): the dashboard then offers sign-in there (authorization "
                    + "code with PKCE). Otherwise enabled is false and users paste a token. Public: it holds no secret.")
    @APIResponse(responseCode = "200", description = "The sign-in settings",
            content = @Content(schema = @Schema(implementation = SignInSettingsResponse.class)))
    public SignInSettingsResponse signIn() {
        DashboardConfig.SignIn signIn = config.signIn();
        if (signIn.authorizationEndpoint().isEmpty() || signIn.tokenEndpoint().isEmpty()
                || signIn.clientId().isEmpty()) {
            return new SignInSettingsResponse(false, null, null, null, null, null);
        }
        return new SignInSettingsResponse(true, signIn.providerName(), signIn.authorizationEndpoint().get(),
                signIn.tokenEndpoint().get(), signIn.clientId().get(), signIn.scope());
    }
}

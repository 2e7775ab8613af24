package org.jpledger.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the dashboard signs users in at the identity provider; every field absent when it takes pasted tokens only. */
@Schema(name = "DashboardSignIn", description = "The identity provider the dashboard signs users in at, if any")
public record SignInSettingsResponse(
        @Schema(description = "Whether the dashboard offers sign-in at the identity provider") boolean enabled,
        @Schema(description = "The provider's name for the sign-in button") String providerName,
        @Schema(description = "OpenID Connect authorization endpoint") String authorizationEndpoint,
        @Schema(description = "OpenID Connect token endpoint") String tokenEndpoint,
        @Schema(description = "The dashboard's client id at the provider") String clientId,
        @Schema(description = "Scopes to ask for") String scope) {
}

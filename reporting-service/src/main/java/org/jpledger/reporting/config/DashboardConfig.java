package org.jpledger.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of the dashboard served at /dashboard/. */
@ConfigMapping(prefix = "jpledger.dashboard")
public interface DashboardConfig {

    /**
     * Sign-in at the organisation's identity provider: the OpenID Connect authorization code flow with PKCE, the
     * dashboard being a public client. Without the endpoints and client id, users sign in by pasting a token.
     */
    SignIn signIn();

    /** The identity provider as the browser reaches it. */
    interface SignIn {

        /** The provider's authorization endpoint, e.g. https://sso.example.go.id/realms/asn/protocol/openid-connect/auth. */
        Optional<String> authorizationEndpoint();

        /** The provider's token endpoint; the browser posts the code there (the provider must allow this origin). */
        Optional<String> tokenEndpoint();

        /** The dashboard's client id at the provider (a public client; redirect URI: this service's /dashboard/). */
        Optional<String> clientId();

        /** The scopes asked for. */
        @WithDefault("openid")
        String scope();

        /** The provider's name on the sign-in button. */
        @WithDefault("SSO")
        String providerName();
    }
}

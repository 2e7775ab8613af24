package org.jpledger.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dashboard's Content-Security-Policy opens connections to the identity provider's token endpoint only. */
class DashboardHeadersTest {

    @Test
    void letsTheDashboardTalkOnlyToItsOwnServiceWithoutAProvider() {
        assertThat(DashboardHeaders.contentSecurityPolicy(Optional.empty()))
                .contains("connect-src 'self';", "script-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void addsTheOriginOfTheProvidersTokenEndpoint() {
        assertThat(DashboardHeaders.contentSecurityPolicy(Optional.of(
                "https://sso.example.go.id/realms/asn/protocol/openid-connect/token")))
                .contains("connect-src 'self' https://sso.example.go.id;");
        assertThat(DashboardHeaders.contentSecurityPolicy(Optional.of("https://sso.example.go.id:8443/token")))
                .contains("connect-src 'self' https://sso.example.go.id:8443;");
    }

    @Test
    void addsNothingForATokenEndpointOnThisService() {
        assertThat(DashboardHeaders.contentSecurityPolicy(Optional.of("/test-idp/token")))
                .contains("connect-src 'self';");
    }
}

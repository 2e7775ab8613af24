package org.jpledger.support.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jpledger.contracts.access.Access;

/**
 * Authentication switched off ({@code jpledger.security.enabled=false}): every request is a national caller holding
 * every role. Only for throwaway local experiments; {@link ProductionSafety} refuses it in production. When
 * authentication is on (the default) it steps aside and the bearer-token mechanism decides.
 */
@ApplicationScoped
public class LocalTrustMechanism implements HttpAuthenticationMechanism {

    static final String SUBJECT = "local-trust";
    private static final SecurityIdentity EVERYONE = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(SUBJECT)).addRoles(Set.copyOf(Access.ROLES)).build();

    private final SecurityConfig config;

    public LocalTrustMechanism(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return config.enabled() ? Uni.createFrom().nullItem() : Uni.createFrom().item(EVERYONE);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        // Asked before the bearer-token mechanism, so that switching it off needs no token at all.
        return DEFAULT_PRIORITY + 1000;
    }
}

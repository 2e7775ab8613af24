package org.jpledger.training.xapi.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.xapi.config.XapiConfig;

/**
 * HTTP Basic credentials of integrating systems, for the xAPI resources only: a learning platform authenticates as its
 * configured system ({@code jpledger.xapi.clients}) and gets that system's roles and units, as a bearer token would
 * give them. Anywhere else, and for a request without Basic credentials, it steps aside for the bearer-token mechanism.
 */
@ApplicationScoped
public class XapiBasicAuthentication implements HttpAuthenticationMechanism {

    /** The path prefix the credentials are good for. */
    public static final String XAPI_PATH = "/xapi/";
    private static final String PREFIX = "Basic ";
    private static final int MAX_NAME = 64;

    private final XapiConfig config;

    public XapiBasicAuthentication(XapiConfig config) {
        this.config = config;
    }

    /**
     * Refuses to start with a credential whose digest is not a SHA-256 (64 hex digits) or whose name is longer than a
     * sourceSystem may be or holds a ':', rather than failing its calls.
     */
    void checkCredentials(@Observes StartupEvent start) {
        config.clients().forEach((name, client) -> {
            if (name.contains(":")) {
                // A Basic user name ends at the first ':', and names without one never clash with bearer:<subject>.
                throw new IllegalStateException("jpledger.xapi.clients." + name + ": a system's name must not hold ':'");
            }
            if (name.length() > MAX_NAME) {
                throw new IllegalStateException("jpledger.xapi.clients." + name + ": a system's name is the completions' "
                        + "sourceSystem, at most " + MAX_NAME + " characters");
            }
            if (!client.secretSha256().matches("[0-9a-fA-F]{64}")) {
                throw new IllegalStateException("jpledger.xapi.clients." + name + ".secret-sha256 must be the hex SHA-256 "
                        + "of the system's secret (64 hex digits)");
            }
        });
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || !context.normalizedPath().startsWith(XAPI_PATH)) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity identity = identify(header.substring(PREFIX.length()).trim());
        return identity == null ? Uni.createFrom().failure(new AuthenticationFailedException("unknown system or wrong secret"))
                : Uni.createFrom().item(identity);
    }

    /** The system named by Basic {@code credentials}, or null when the name is unknown or the secret is wrong. */
    SecurityIdentity identify(String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String name = decoded.substring(0, colon);
        XapiConfig.Client client = config.clients().get(name);
        byte[] given = sha256(decoded.substring(colon + 1));
        byte[] expected = client == null ? new byte[given.length] : HexFormat.of().parseHex(client.secretSha256());
        // Compared in constant time, and for an unknown name too, so timing tells no names apart.
        if (!MessageDigest.isEqual(given, expected) || client == null) {
            return null;
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name))
                .addRoles(Set.copyOf(client.roles()))
                .addAttribute(Caller.UNITS_ATTRIBUTE, UnitScope.ofClaim(client.units().orElse(List.of())))
                .addAttribute(Caller.CLIENT_ATTRIBUTE, name)
                .build();
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
        // Before the bearer-token mechanism, which would otherwise answer a Basic header as a missing token.
        return DEFAULT_PRIORITY + 100;
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

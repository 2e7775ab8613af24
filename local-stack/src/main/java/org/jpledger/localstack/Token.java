package org.jpledger.localstack;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.jpledger.contracts.access.Access;

/**
 * A bearer token as an identity provider would issue it to JP Ledger: subject, roles ({@code groups}), unit scope
 * ({@code units}), issuer, audience and lifetime. Signed with the local key for the run command and the tests.
 */
public final class Token {

    private String subject = "local-user";
    private String client;
    private final List<String> roles;
    private List<String> units;
    private String issuer = Access.LOCAL_ISSUER;
    private String audience = Access.DEFAULT_AUDIENCE;
    private Duration lifetime = Duration.ofHours(1);

    private Token(List<String> roles) {
        this.roles = roles;
    }

    /** A token holding these roles, with no unit scope, valid for an hour from now. */
    public static Token withRoles(String... roles) {
        return new Token(List.of(roles));
    }

    /** The unit codes the token acts for ({@code "*"} for the whole tree). */
    public Token units(String... codes) {
        this.units = List.of(codes);
        return this;
    }

    public Token subject(String subject) {
        this.subject = subject;
        return this;
    }

    public Token client(String client) {
        this.client = client;
        return this;
    }

    public Token issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public Token audience(String audience) {
        this.audience = audience;
        return this;
    }

    /** How long from now the token stays valid; negative for a token that has already expired. */
    public Token lifetime(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    /** The signed compact JWT. */
    public String signedWith(PrivateKey key) {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setJwtId(UUID.randomUUID().toString());
        // An expired token was also issued in the past, as a real one would have been.
        Instant issued = lifetime.isNegative() ? now.plus(lifetime).minus(Duration.ofHours(1)) : now;
        claims.setIssuedAt(NumericDate.fromSeconds(issued.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setStringListClaim("groups", new ArrayList<>(roles));
        if (units != null) {
            claims.setStringListClaim(Access.UNITS_CLAIM, new ArrayList<>(units));
        }
        if (client != null) {
            claims.setClaim("azp", client);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }
}

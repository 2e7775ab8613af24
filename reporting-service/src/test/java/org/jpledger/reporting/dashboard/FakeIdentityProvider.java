package org.jpledger.reporting.dashboard;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;

/**
 * An OpenID Connect provider for the dashboard's browser test, as strict as a real one about the authorization code
 * flow with PKCE: a code is issued only for S256 challenges, is good once, and only with the verifier of its challenge,
 * the same client id and the same redirect URI. It signs in whoever the test says, with no login page.
 */
@Path("/test-idp")
@PermitAll
public class FakeIdentityProvider {

    static final String CLIENT_ID = "jpledger-dashboard";

    private static final Map<String, Grant> CODES = new ConcurrentHashMap<>();
    private static volatile Token user;
    private static volatile int tokensIssued;

    private record Grant(String challenge, String clientId, String redirectUri) {
    }

    /** Who the next sign-in is. */
    static void signInAs(Token token) {
        user = token;
    }

    static int tokensIssued() {
        return tokensIssued;
    }

    @GET
    @Path("/authorize")
    @Operation(hidden = true)
    public Response authorize(@QueryParam("response_type") String responseType, @QueryParam("client_id") String clientId,
            @QueryParam("redirect_uri") String redirectUri, @QueryParam("state") String state,
            @QueryParam("code_challenge") String challenge, @QueryParam("code_challenge_method") String method) {
        if (!"code".equals(responseType) || !CLIENT_ID.equals(clientId) || redirectUri == null
                || !redirectUri.endsWith("/dashboard/") || challenge == null || !"S256".equals(method)
                || state == null || user == null) {
            return Response.status(400).entity("invalid authorization request").build();
        }
        String code = UUID.randomUUID().toString();
        CODES.put(code, new Grant(challenge, clientId, redirectUri));
        return Response.seeOther(UriBuilder.fromUri(redirectUri).queryParam("code", code).queryParam("state", state)
                .build()).build();
    }

    @POST
    @Path("/token")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response token(@FormParam("grant_type") String grantType, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri, @FormParam("client_id") String clientId,
            @FormParam("code_verifier") String verifier) {
        Grant grant = code == null ? null : CODES.remove(code);
        if (!"authorization_code".equals(grantType) || grant == null || verifier == null
                || !grant.challenge().equals(s256(verifier)) || !grant.clientId().equals(clientId)
                || !grant.redirectUri().equals(redirectUri)) {
            return Response.status(400).entity(Map.of("error", "invalid_grant")).build();
        }
        tokensIssued++;
        return Response.ok(Map.of("access_token", TestTokens.bearer(user).substring("Bearer ".length()),
                "token_type", "Bearer", "expires_in", 3600)).build();
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

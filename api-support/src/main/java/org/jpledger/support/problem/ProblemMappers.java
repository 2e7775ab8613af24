package org.jpledger.support.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.limits.TooManyRequestsException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers every failure with problem+json (see {@link Problems}). The specific mappers exist so that they win over the
 * framework's own mappers for the same exception types.
 */
public class ProblemMappers {

    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        return Problems.response(Problems.from(e));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return Problems.response(Problems.from(e));
    }

    @ServerExceptionMapper
    public Response badValue(InvalidFormatException e) {
        return Problems.response(Problems.from(e));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return Problems.response(Problems.from(e));
    }

    /**
     * Wins over Quarkus's own mapper of this type, which answers 500 with an empty body: a request body the type cannot
     * take is a 400 naming the body, a response the type cannot be written as stays a 500 (see {@link Problems}).
     */
    @ServerExceptionMapper
    public Response badDefinition(InvalidDefinitionException e) {
        return Problems.response(Problems.from(e));
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonMappingException e) {
        return Problems.response(Problems.from(e));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return Problems.response(Problems.from(e));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return challenge(Problems.response(Problems.from(e)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return challenge(Problems.response(Problems.from(e)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(Problems.from(e));
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException e) {
        return Response.fromResponse(Problems.response(Problems.from(e)))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        return Problems.response(Problems.from(e));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        return Problems.response(Problems.from(e));
    }

    @ServerExceptionMapper
    public Response anyOther(Throwable e) {
        Problem problem = Problems.from(e);
        // A 503 (the database's statement timeout) is passing: say when to come back.
        return problem.status() == 503
                ? Response.fromResponse(Problems.response(problem)).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                        .build()
                : Problems.response(problem);
    }

    /** RFC 6750: a 401 names the scheme the client should authenticate with. */
    private static Response challenge(Response problem) {
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}

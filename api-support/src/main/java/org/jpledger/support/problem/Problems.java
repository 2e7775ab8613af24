package org.jpledger.support.problem;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.support.limits.NotUtf8Exception;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.limits.TooManyRequestsException;
import org.jpledger.support.security.RefusedException;

/**
 * What each failure means to a client, as RFC 9457 problem details: one place for the HTTP answers and for the per-item
 * results of batch and CSV imports. 4xx name the offending fields; a 5xx reveals nothing inside.
 */
public final class Problems {

    private static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL's query_canceled: the statement timeout (or an operator) ended the statement. */
    private static final String QUERY_CANCELED = "57014";

    private Problems() {
    }

    /** The problem a failure is answered with. */
    public static Problem from(Throwable e) {
        if (e instanceof InvalidRequestException invalid) {
            return Problem.invalid("The request breaks a rule of the record.", invalid.errors());
        }
        if (e instanceof ConstraintViolationException violations) {
            return violations(violations.getConstraintViolations());
        }
        if (e instanceof JsonProcessingException json) {
            Problem unreadable = unreadable(json);
            if (unreadable != null) {
                return unreadable;
            }
        }
        if (e instanceof NotUtf8Exception) {
            return Problem.invalid("The body is not valid UTF-8.", List.of(new FieldError("body", e.getMessage())));
        }
        if (e instanceof AuthenticationFailedException || e instanceof UnauthorizedException) {
            // Why a token failed (expired, foreign signature, other issuer) helps an attacker more than a client.
            return Problem.of(401, "Unauthorized", "A valid bearer token is required: the request had none, or its token "
                    + "has expired, is not signed by the trusted issuer, or is not meant for this service.");
        }
        if (e instanceof ForbiddenException) {
            return Problem.of(403, "Forbidden", e instanceof RefusedException && e.getMessage() != null ? e.getMessage()
                    : "Your token's roles do not allow this request.");
        }
        if (e instanceof TooManyRequestsException tooMany) {
            return Problem.of(429, "Too many requests", tooMany.getMessage());
        }
        if (e instanceof PayloadTooLargeException tooLarge) {
            return new Problem("about:blank", "Content too large", 413, e.getMessage(), null, tooLarge.errors());
        }
        if (e instanceof ResourceNotFoundException) {
            return Problem.of(404, "Not found", e.getMessage());
        }
        if (e instanceof ConflictException) {
            return Problem.of(409, "Conflict", e.getMessage());
        }
        if (e instanceof PreconditionException precondition) {
            return Problem.of(precondition.status(), precondition.status() == 428 ? "Precondition required"
                    : "Precondition failed", e.getMessage());
        }
        if (e instanceof org.hibernate.exception.ConstraintViolationException violation
                && UNIQUE_VIOLATION.equals(violation.getSQLState())) {
            // Two concurrent requests raced for one unique key; the loser learns it as a conflict, never as a 500.
            return Problem.of(409, "Conflict", "The request conflicts with a record written at the same moment; retry it.");
        }
        if (e instanceof WebApplicationException web) {
            // The JSON body reader reports most failures to read a body (malformed JSON, a binding failure, a parser
            // limit such as the nesting depth) wrapped in a plain 400.
            if (web.getCause() instanceof JsonProcessingException) {
                return from(web.getCause());
            }
            Response.StatusType status = web.getResponse().getStatusInfo();
            if (status.getStatusCode() < 500) {
                return Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage());
            }
        }
        if (hasSqlState(e, QUERY_CANCELED)) {
            Log.warnf("a request's statement ran past the statement timeout: %s", e.getMessage());
            return Problem.of(503, "Service unavailable", "The database did not answer within the time allowed for a "
                    + "request; retry later.");
        }
        Log.error("unexpected failure", e);
        return Problem.of(500, "Internal error", "The request could not be completed; it has been logged.");
    }

    /** Whether the failure or one of its causes is an SQL error with this SQLSTATE. */
    private static boolean hasSqlState(Throwable e, String state) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The problem with a request body Jackson could not read, naming the field being read where Jackson says; null for
     * a failure to write a response (its processor is a generator, or a type was unusable other than while reading),
     * which is the server's and answered 500.
     */
    private static Problem unreadable(JsonProcessingException e) {
        boolean reading = e.getProcessor() instanceof JsonParser;
        if (e.getProcessor() instanceof JsonGenerator || e instanceof InvalidDefinitionException && !reading) {
            return null;
        }
        String path = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String field = path.isEmpty() ? "body" : path;
        // Failures of the body stream itself reach here wrapped by Jackson with the field it was reading.
        if (e.getCause() instanceof NotUtf8Exception notUtf8) {
            return Problem.invalid("The body is not valid UTF-8.",
                    List.of(new FieldError(field, notUtf8.getMessage())));
        }
        if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
            return from(tooLarge);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.invalid("The body has a field this API does not know.",
                    List.of(new FieldError(pathOf(unknown), "unknown field")));
        }
        if (e instanceof InvalidFormatException badValue) {
            return Problem.invalid("The body has a value of the wrong type.",
                    List.of(new FieldError(pathOf(badValue), "must be " + expected(badValue.getTargetType()))));
        }
        if (e instanceof InvalidDefinitionException definition) {
            // The request type cannot take this JSON at all: the client learns its body was not read, the log why.
            Log.warnf("a request body could not be read at '%s': %s", field, definition.getOriginalMessage());
            return Problem.invalid("The body does not match the expected JSON.",
                    List.of(new FieldError(field, "cannot be read as this request's JSON")));
        }
        if (e instanceof JsonMappingException mapping) {
            return Problem.invalid("The body does not match the expected JSON.",
                    List.of(new FieldError(field, mapping.getOriginalMessage())));
        }
        if (e instanceof JsonParseException parse) {
            return Problem.invalid("The body is not well-formed JSON.",
                    List.of(new FieldError("body", parse.getOriginalMessage())));
        }
        // A parser limit (nesting depth, length of a number, name or text) or another failure to read the JSON text;
        // the limit's message names the Java method that sets it, which means nothing to a client.
        String reason = e.getOriginalMessage() == null ? "cannot be read as JSON"
                : e.getOriginalMessage().replaceAll(", from `[^`]*`\\)", ")");
        return Problem.invalid("The body is not JSON this API reads.", List.of(new FieldError("body", reason)));
    }

    /** The problem for bean-validation failures, one field error per violation. */
    public static Problem violations(Set<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::reason))
                .toList();
        return Problem.invalid("The request has invalid fields.", errors);
    }

    /** The HTTP answer for a problem. */
    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The request-facing name of a violated element: the body property path, or the parameter name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // A node "in iterable" carries the index of the element of the container named just before it.
                if (node.isInIterable() && node.getIndex() != null && !names.isEmpty()) {
                    names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    names.add(node.getName());
                }
            }
        }
        if (!names.isEmpty()) {
            return String.join(".", names);
        }
        return parameter == null ? "body" : parameter;
    }

    private static String expected(Class<?> type) {
        return type.isEnum()
                ? "one of " + List.of(type.getEnumConstants()).stream().map(Object::toString).collect(Collectors.joining(", "))
                : "a valid " + type.getSimpleName();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

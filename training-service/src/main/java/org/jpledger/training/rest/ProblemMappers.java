package org.jpledger.training.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.training.service.ConflictException;
import org.jpledger.training.service.InvalidRequestException;
import org.jpledger.training.service.ResourceNotFoundException;

/** Turns every failure into an RFC 9457 problem+json answer; 4xx name the offending fields, a 5xx reveals nothing inside. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return problem(Problem.invalid("The request breaks a rule of the record.", e.errors()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::reason))
                .toList();
        return problem(Problem.invalid("The request has invalid fields.", errors));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return problem(Problem.invalid("The body has a field this API does not know.",
                List.of(new FieldError(pathOf(e), "unknown field"))));
    }

    @ServerExceptionMapper
    public Response badValue(InvalidFormatException e) {
        String expected = e.getTargetType().isEnum()
                ? "one of " + List.of(e.getTargetType().getEnumConstants()).stream().map(Object::toString)
                        .collect(Collectors.joining(", "))
                : "a valid " + e.getTargetType().getSimpleName();
        return problem(Problem.invalid("The body has a value of the wrong type.",
                List.of(new FieldError(pathOf(e), "must be " + expected))));
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonMappingException e) {
        String field = pathOf(e);
        return problem(Problem.invalid("The body does not match the expected JSON.",
                List.of(new FieldError(field.isEmpty() ? "body" : field, e.getOriginalMessage()))));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return problem(Problem.invalid("The body is not well-formed JSON.",
                List.of(new FieldError("body", e.getOriginalMessage()))));
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e) {
        return problem(Problem.of(404, "Not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return problem(Problem.of(409, "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response duplicateKey(org.hibernate.exception.ConstraintViolationException e) {
        // Two concurrent requests raced for one unique key; the loser learns it as a conflict, never as a 500.
        return problem(Problem.of(409, "Conflict", "The request conflicts with a record written at the same moment; retry it."));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        // The JSON body reader reports some parse failures wrapped in a plain 400.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadableBody(mapping);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e);
        }
        return problem(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Log.error("unexpected failure", e);
        return problem(Problem.of(500, "Internal error", "The request could not be completed; it has been logged."));
    }

    static Response problem(Problem problem) {
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
                names.add(node.getIndex() == null ? node.getName() : node.getName() + "[" + node.getIndex() + "]");
            }
        }
        if (!names.isEmpty()) {
            return String.join(".", names);
        }
        return parameter == null ? "body" : parameter;
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

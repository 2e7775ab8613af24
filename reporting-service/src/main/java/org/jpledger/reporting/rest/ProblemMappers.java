package org.jpledger.reporting.rest;

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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.reporting.service.EmployeeNotFoundException;
import org.jpledger.reporting.service.ParkedEventNotFoundException;

/** Turns every failure into an RFC 9457 problem+json answer; 4xx name the offending fields, a 5xx reveals nothing inside. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::reason))
                .toList();
        return problem(Problem.invalid("The request has invalid parameters.", errors));
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return problem(Problem.invalid("The request has invalid parameters.",
                List.of(new FieldError(e.parameter(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response employeeNotFound(EmployeeNotFoundException e) {
        return problem(Problem.of(404, "Not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response parkedEventNotFound(ParkedEventNotFoundException e) {
        return problem(Problem.of(404, "Not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e);
        }
        // The framework's own message ("HTTP 404 Not Found") says nothing about our internals.
        return problem(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Log.error("Unexpected failure while answering a request", e);
        return problem(Problem.of(500, "Internal error", "The request could not be completed; the failure has been logged."));
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The request-facing name of a violated element: the parameter name for a parameter, else the property path. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY) {
                properties.add(node.getName());
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return parameter == null ? "request" : parameter;
    }
}

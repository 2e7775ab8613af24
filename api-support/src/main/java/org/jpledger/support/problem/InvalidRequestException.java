package org.jpledger.support.problem;

import jakarta.ws.rs.BadRequestException;
import java.util.List;
import org.jpledger.contracts.problem.Problem.FieldError;

/**
 * A request that breaks a rule (a field, a parameter, a rule of the record): answered 400 with the offending fields, and
 * nothing changes. A JAX-RS exception, so that parameter converters may throw it too.
 */
public class InvalidRequestException extends BadRequestException {

    private final transient List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason() : errors.size() + " invalid fields");
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequestException of(String field, String reason) {
        return new InvalidRequestException(List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

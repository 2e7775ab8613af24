package org.jpledger.support.limits;

import java.util.List;
import org.jpledger.contracts.problem.Problem.FieldError;

/**
 * A request body, or a part of it, larger than its cap: answered 413 before any of it is recorded, naming the fields
 * that passed the cap when the cap is on a part of the body.
 */
public class PayloadTooLargeException extends RuntimeException {

    private final transient List<FieldError> errors;

    public PayloadTooLargeException(String message) {
        this(message, List.of());
    }

    public PayloadTooLargeException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** The fields that passed the cap; empty for a body too large as a whole. */
    public List<FieldError> errors() {
        return errors;
    }
}

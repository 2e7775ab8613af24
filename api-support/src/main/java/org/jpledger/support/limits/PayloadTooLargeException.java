package org.jpledger.support.limits;

import java.util.List;
import org.jpledger.contracts.problem.Problem.FieldError;

/**
 * A request body, or a part of it such as one line of a CSV file, larger than its cap: answered 413 before any of it
 * is recorded, naming the part where it is known.
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

    /** The parts of the body over their caps; empty when the body as a whole is. */
    public List<FieldError> errors() {
        return errors;
    }
}

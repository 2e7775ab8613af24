package org.jpledger.support.problem;

import java.util.ArrayList;
import java.util.List;
import org.jpledger.contracts.problem.Problem.FieldError;

/** Collects every broken rule of one request so the caller learns them all at once. */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}

package org.jpledger.training.service;

import java.util.ArrayList;
import java.util.List;
import org.jpledger.contracts.problem.Problem.FieldError;

/** Collects every broken rule of one request so the caller learns them all at once. */
final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}

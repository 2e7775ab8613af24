package org.jpledger.support.problem;

/** The addressed unit, employee or completion does not exist: answered 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String message) {
        super(message);
    }
}

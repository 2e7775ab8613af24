package org.jpledger.training.service;

/** The addressed unit, employee or completion does not exist: answered 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String message) {
        super(message);
    }
}

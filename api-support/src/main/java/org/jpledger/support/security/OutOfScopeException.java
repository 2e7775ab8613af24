package org.jpledger.support.security;

/** A write for an employee or unit outside the caller's unit scope: answered 403, naming only what was asked. */
public class OutOfScopeException extends RefusedException {

    public OutOfScopeException(String message) {
        super(message);
    }
}

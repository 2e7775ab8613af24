package org.jpledger.support.security;

import io.quarkus.security.ForbiddenException;

/**
 * A request the caller's roles allow but the rules refuse for this caller (a verifier deciding on its own report):
 * answered 403 with the message as its detail, which must name only what the caller asked about.
 */
public class RefusedException extends ForbiddenException {

    public RefusedException(String message) {
        super(message);
    }
}

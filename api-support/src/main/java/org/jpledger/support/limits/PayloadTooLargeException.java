package org.jpledger.support.limits;

/** A request body larger than the cap for its media type: answered 413 before any of it is recorded. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}

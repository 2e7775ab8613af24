package org.jpledger.support.problem;

/** The request contradicts what is already recorded (e.g. an idempotency key reused for other content): answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}

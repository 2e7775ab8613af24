package org.jpledger.support.problem;

/** A conditional change whose precondition is missing (428) or stale (412): the client must re-read and retry. */
public class PreconditionException extends RuntimeException {

    private final int status;

    private PreconditionException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** No {@code If-Match} was sent. */
    public static PreconditionException required(String message) {
        return new PreconditionException(428, message);
    }

    /** {@code If-Match} names a version that is no longer current. */
    public static PreconditionException failed(String message) {
        return new PreconditionException(412, message);
    }

    public int status() {
        return status;
    }
}

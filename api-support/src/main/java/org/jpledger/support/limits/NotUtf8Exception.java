package org.jpledger.support.limits;

/**
 * A JSON request body whose bytes are not well-formed UTF-8: answered 400 naming the body, or the field whose value
 * holds the bad bytes, before any of it is recorded.
 */
public class NotUtf8Exception extends RuntimeException {

    public NotUtf8Exception(String message) {
        super(message);
    }
}

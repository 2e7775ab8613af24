package org.jpledger.reporting.verify;

import org.jpledger.support.problem.ResourceNotFoundException;

/** No closing, or no verification, of the year and scope asked for: answered 404. */
public class ClosingNotFoundException extends ResourceNotFoundException {

    public ClosingNotFoundException(String message) {
        super(message);
    }
}

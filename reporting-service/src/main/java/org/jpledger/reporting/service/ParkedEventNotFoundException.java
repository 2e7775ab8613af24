package org.jpledger.reporting.service;

import org.jpledger.support.problem.ResourceNotFoundException;

/** No record is parked under this id: it never was, or a retry has already applied it. */
public class ParkedEventNotFoundException extends ResourceNotFoundException {

    public ParkedEventNotFoundException(long id) {
        super("No parked event has id " + id + "; it may have been applied by an earlier retry.");
    }
}

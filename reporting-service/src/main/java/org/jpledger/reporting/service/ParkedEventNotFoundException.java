package org.jpledger.reporting.service;

/** No record is parked under this id: it never was, or a retry has already applied it. */
public class ParkedEventNotFoundException extends RuntimeException {

    public ParkedEventNotFoundException(long id) {
        super("No parked event has id " + id + "; it may have been applied by an earlier retry.");
    }
}

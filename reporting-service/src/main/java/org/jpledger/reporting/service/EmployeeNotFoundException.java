package org.jpledger.reporting.service;

/** No employee with this NIP has reached the projections (yet). */
public class EmployeeNotFoundException extends RuntimeException {

    public EmployeeNotFoundException(String nip) {
        super("No employee with NIP " + nip + " is known to reporting.");
    }
}

package org.jpledger.reporting.service;

/** What a request names (an employee, a unit) has not reached the projections (yet). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException employee(String nip) {
        return new NotFoundException("No employee with NIP " + nip + " is known to reporting.");
    }

    public static NotFoundException unit(String code) {
        return new NotFoundException("No unit with code " + code + " is known to reporting.");
    }
}

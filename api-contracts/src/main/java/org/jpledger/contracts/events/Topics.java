package org.jpledger.contracts.events;

/**
 * Kafka topic names. Employee and completion events share a topic keyed by NIP so one employee's events stay in order.
 */
public final class Topics {

    /** Unit events, keyed by unit code. */
    public static final String UNITS = "jpledger.units.v1";
    /** Employee and completion events, keyed by NIP. */
    public static final String EMPLOYEES = "jpledger.employees.v1";

    private Topics() {
    }
}

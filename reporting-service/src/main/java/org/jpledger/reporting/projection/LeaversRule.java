package org.jpledger.reporting.projection;

/** How an employee whose service ends within the year counts in it. */
public enum LeaversRule {
    /** Rated against the target pro-rated by the days in service, and counted in the headcount (the default). */
    PRORATE,
    /** Not rated (status LEFT_SERVICE) and not in the headcount. */
    EXCLUDE
}

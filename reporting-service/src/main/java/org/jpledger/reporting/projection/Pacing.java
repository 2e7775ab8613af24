package org.jpledger.reporting.projection;

/** How much of the year's target a policy expects by a day of the year, deciding ON_TRACK against AT_RISK. */
public enum Pacing {
    /** The target pro-rated to the days of service elapsed (the default). */
    LINEAR,
    /** The policy's cumulative fraction of the target is due once each quarter is over; nothing before. */
    QUARTERLY,
    /** Nothing is due before the policy's month M; linear from then on (counted from the start of service). */
    GRACE
}

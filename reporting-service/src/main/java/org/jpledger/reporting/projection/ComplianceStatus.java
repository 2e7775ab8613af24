package org.jpledger.reporting.projection;

/** Where an employee stands against the year's target. */
public enum ComplianceStatus {
    /** Total at or above the target. */
    COMPLIANT,
    /** Below the target, but at or above the target pro-rated to today within the employee's part of the year. */
    ON_TRACK,
    /** Below the target pro-rated to today. */
    AT_RISK,
    /** Below the target, and the employee's part of the year is over. */
    NOT_MET,
    /** Not in service on any day of the year: not counted (completions of that year are still shown). */
    NOT_EMPLOYED,
    /** Service ended within the year and the policy excludes leavers: not rated and not in the headcount. */
    LEFT_SERVICE,
    /** Exempt on every day of their part of the year (tugas belajar, CLTN, ...): not in the headcount. */
    EXEMPT
}

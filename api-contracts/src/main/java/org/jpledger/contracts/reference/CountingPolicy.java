package org.jpledger.contracts.reference;

/**
 * Which completions of a year count toward the JP duty, by their {@link VerificationState}; part of the year's
 * policy. {@link #ALL} is the default: the regulation (PermenPAN-RB 38/2017, Perka LAN 10/2018) asks for the JP
 * reported, and checking is each agency's own choice. A rejected completion never counts.
 */
public enum CountingPolicy {
    /** Every active completion that was not rejected (the behaviour before verification existed). */
    ALL,
    /** Only completions a verifier confirmed. */
    VERIFIED_ONLY,
    /** Completions a verifier confirmed and those from a source trusted for the employee's unit. */
    VERIFIED_OR_TRUSTED;

    /** The policy of a year that names none. */
    public static final CountingPolicy DEFAULT = ALL;
}

package org.jpledger.contracts.access;

import java.util.List;

/**
 * What a caller's bearer token must say: the role names both services know, the claim that carries a caller's unit
 * scope, and the identity of the zero-setup local token issuer. Identity providers are configured to emit these.
 */
public final class Access {

    /** Records, amends, voids and imports completions for employees in its units. */
    public static final String TRAINING_WRITER = "training-writer";
    /** Reads units, employees and completions in its units. */
    public static final String TRAINING_READER = "training-reader";
    /**
     * Verifies or rejects the completions of employees in its units, resolves possible duplicates, reads their
     * certificates; never its own reports, nor its own training.
     */
    public static final String TRAINING_VERIFIER = "training-verifier";
    /** Maintains units and employees (the roster) in its units. */
    public static final String ROSTER_ADMIN = "roster-admin";
    /** Reads compliance figures and exports of its units. */
    public static final String REPORT_READER = "report-reader";
    /**
     * Sends the training history to SIASN and takes SIASN's back in its units: creates and acknowledges SIASN delta
     * exports, runs reconciliations and takes SIASN records into the ledger.
     */
    public static final String SIASN_OPERATOR = "siasn-operator";
    /** Sets the yearly JP policies and the recognition rules; national, so never scoped. */
    public static final String POLICY_ADMIN = "policy-admin";
    /** Operates the services: republish, rebuild, parked events, the audit log; national, so never scoped. */
    public static final String ADMIN = "admin";

    /** Every role, in the order the docs list them. */
    public static final List<String> ROLES = List.of(TRAINING_WRITER, TRAINING_READER, TRAINING_VERIFIER, ROSTER_ADMIN, REPORT_READER,
            SIASN_OPERATOR, POLICY_ADMIN, ADMIN);
    /** Roles whose work is national: a token needs no unit scope for them, and must not carry one. */
    public static final List<String> GLOBAL_ROLES = List.of(POLICY_ADMIN, ADMIN);

    /** The claim listing the unit codes a caller acts for (each with the units below it): a JSON array of strings. */
    public static final String UNITS_CLAIM = "units";
    /** The one entry of {@link #UNITS_CLAIM} granting the whole unit tree, e.g. to a national reporting system. */
    public static final String ALL_UNITS = "*";
    /** The audience both services expect unless configured otherwise. */
    public static final String DEFAULT_AUDIENCE = "jpledger";
    /** Issuer of the tokens that the run command mints with its local key; production refuses it. */
    public static final String LOCAL_ISSUER = "urn:jpledger:local-development";

    private Access() {
    }
}
